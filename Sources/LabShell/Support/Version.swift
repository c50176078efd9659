/// The version of cicdlab that `--version` and `doctor` report.
package let cicdlabVersion = "0.1.0"
