import Foundation

extension LocalGitHubRunner {
    /// Writes the `gh` stand-in and returns the folder holding it.
    ///
    /// It answers the two calls the export makes, from the store of runs (`runs/ID/branch`,
    /// `runs/ID/artifacts/NAME/`, `runs/ID/expired/NAME`):
    /// - `gh api repos/$GH_REPO/actions/artifacts?name=NAME&per_page=100 [--jq PROGRAM]`: the
    ///   artifacts named NAME, newest first, each with `workflow_run.id`, `workflow_run.head_branch`,
    ///   `created_at` and `expired` as GitHub's REST API gives them, through the real `jq` with
    ///   the caller's program;
    /// - `gh run download ID --name NAME --dir DIR`: that artifact's files into DIR.
    func writeGHShim() throws -> String {
        let folder = store + "/bin"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = #"""
            #!/usr/bin/env bash
            # Local stand-in for the GitHub CLI: the runs are folders under $LOCAL_GH_STORE/runs.
            set -euo pipefail
            runs="$LOCAL_GH_STORE/runs"
            fail() { echo "gh stand-in: $*" >&2; exit 1; }
            [ -n "${GH_TOKEN:-}" ] || fail "GH_TOKEN is not set (gh needs a token in Actions)"
            case "${1:-} ${2:-}" in
              "api repos/"*)
                url="$2"; shift 2; program=""
                while [ $# -gt 0 ]; do
                  case "$1" in --jq) program="$2"; shift 2 ;; *) fail "unsupported api option: $1" ;; esac
                done
                prefix="repos/$GH_REPO/actions/artifacts?name="
                case "$url" in "$prefix"*"&per_page=100") ;; *) fail "unsupported api call: $url" ;; esac
                name="${url#"$prefix"}"; name="${name%&per_page=100}"
                items=()
                for id in $(ls "$runs" | sort -n -r); do
                  [ -d "$runs/$id/artifacts/$name" ] || continue
                  expired=false; [ -e "$runs/$id/expired/$name" ] && expired=true
                  items+=("$("$LOCAL_GH_JQ" -n --arg name "$name" --argjson id "$id" \
                    --arg branch "$(cat "$runs/$id/branch")" --argjson expired "$expired" \
                    --arg created "$(printf '2026-01-01T%02d:%02d:00Z' $((id / 60)) $((id % 60)))" \
                    '{id: (1000 + $id), name: $name, expired: $expired, created_at: $created,
                      workflow_run: {id: $id, head_branch: $branch}}')")
                done
                response="$(printf '%s\n' "${items[@]}" | "$LOCAL_GH_JQ" -s '{total_count: length, artifacts: map(select(. != null))}')"
                if [ -z "$program" ]; then echo "$response"; else echo "$response" | "$LOCAL_GH_JQ" -r "$program"; fi ;;
              "run download")
                id="$3"; shift 3; name=""; dir="."
                while [ $# -gt 0 ]; do
                  case "$1" in --name) name="$2"; shift 2 ;; --dir) dir="$2"; shift 2 ;; *) fail "unsupported: $1" ;; esac
                done
                src="$runs/$id/artifacts/$name"
                [ -d "$src" ] || fail "no artifact $name in run $id"
                [ ! -e "$runs/$id/expired/$name" ] || fail "artifact $name of run $id has expired"
                mkdir -p "$dir" && cp -R "$src/." "$dir/" ;;
              *) fail "unsupported: $*" ;;
            esac
            """#
        let path = folder + "/gh"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return folder
    }
}
