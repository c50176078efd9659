/// The version of cicdlab that `--version` and `doctor` report.
public let cicdlabVersion = "0.1.0"
