/// The version of cicdlab that `--version` and `doctor` report.
let cicdlabVersion = "0.1.0"
