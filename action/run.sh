#!/usr/bin/env bash
# The logic of the GitHub Action (action.yml runs it; the tests run it with a faked environment).
# Inputs come as TFL_* variables. Exit: 0 pass, 1 findings at or above fail-on (or more warnings
# than max-warnings), 2 bad input or a CLI failure.
set -uo pipefail

die() {
  echo "::error title=twelve-factor-lint::$1"
  exit 2
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
action_root="${GITHUB_ACTION_PATH:-$(dirname "$here")}"
fail_on="${TFL_FAIL_ON:-error}"
max_warnings="${TFL_MAX_WARNINGS:-}"
sarif_file="${TFL_SARIF_FILE:-twelve-factor-lint.sarif}"

case "$fail_on" in
  error | warning | info | never) ;;
  *) die "fail-on must be error, warning, info or never (got \"$fail_on\")" ;;
esac
if [[ -n "$max_warnings" && ! "$max_warnings" =~ ^[0-9]+$ ]]; then
  die "max-warnings must be a whole number of 0 or more (got \"$max_warnings\")"
fi

workspace="${GITHUB_WORKSPACE:-$PWD}"
cd "$workspace" || die "GITHUB_WORKSPACE $workspace does not exist"
cd "${TFL_WORKING_DIRECTORY:-.}" || die "working-directory ${TFL_WORKING_DIRECTORY:-} does not exist"

# The CLI: the `cli` input (e.g. "npx twelve-factor-lint" for a project that installs it), else
# the action's own copy, built on first use (the repository holds sources, not the bundle).
if [[ -n "${TFL_CLI:-}" ]]; then
  read -r -a cli <<<"$TFL_CLI"
else
  if [[ ! -f "$action_root/dist/cli.js" ]]; then
    echo "Building twelve-factor-lint in $action_root ..."
    (cd "$action_root" && npm ci --no-audit --no-fund --loglevel=error && node esbuild.mjs) >&2 || die "could not build the CLI in $action_root"
  fi
  cli=(node "$action_root/dist/cli.js")
fi

# Paths: separated by spaces or new lines (a YAML block list reads well for several).
read -r -d '' -a paths <<<"${TFL_PATHS:-.}"
[[ ${#paths[@]} -gt 0 ]] || paths=(.)

options=()
[[ -n "${TFL_BASELINE:-}" ]] && options+=(--baseline "$TFL_BASELINE")
[[ -n "${TFL_CHANGED_SINCE:-}" ]] && options+=(--changed-since "$TFL_CHANGED_SINCE")
[[ -n "$max_warnings" ]] && options+=(--max-warnings "$max_warnings")

"${cli[@]}" "${paths[@]}" "${options[@]}" --format sarif --output "$sarif_file"
code=$?
if [[ $code -ne 0 && $code -ne 1 ]]; then
  die "twelve-factor-lint failed (exit $code); see the message above"
fi

# The counts, and paths made relative to the repository (code scanning resolves them from the
# checkout, while the CLI writes them from the project root, which may be a monorepo package).
read -r errors warnings infos sarif_path < <(node "$here/sarif-for-repo.mjs" "$sarif_file" "$workspace") || die "could not read $sarif_file"

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  summary="$(mktemp)"
  "${cli[@]}" "${paths[@]}" "${options[@]}" --format markdown --output "$summary" 2>/dev/null
  # GitHub refuses a step summary over 1 MiB; a long report keeps its head.
  if [[ $(wc -c <"$summary") -gt 1000000 ]]; then
    head -c 990000 "$summary" >>"$GITHUB_STEP_SUMMARY"
    printf '\n\n_The report is longer than a step summary can hold; the SARIF file has every finding._\n' >>"$GITHUB_STEP_SUMMARY"
  else
    cat "$summary" >>"$GITHUB_STEP_SUMMARY"
  fi
  rm -f "$summary"
fi

failed=0
case "$fail_on" in
  error) [[ $code -eq 1 ]] && failed=1 ;;
  warning) [[ $code -eq 1 || $((errors + warnings)) -gt 0 ]] && failed=1 ;;
  info) [[ $code -eq 1 || $((errors + warnings + infos)) -gt 0 ]] && failed=1 ;;
  never) ;;
esac

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    echo "sarif-file=$sarif_path"
    echo "errors=$errors"
    echo "warnings=$warnings"
    echo "infos=$infos"
    echo "failed=$([[ $failed -eq 1 ]] && echo true || echo false)"
  } >>"$GITHUB_OUTPUT"
fi

echo "twelve-factor-lint: $errors errors, $warnings warnings, $infos infos (fail-on: $fail_on). SARIF: $sarif_path"
if [[ $failed -eq 1 ]]; then
  echo "::error title=twelve-factor-lint::findings at or above fail-on=$fail_on${max_warnings:+ or more than $max_warnings warnings}; see the job summary"
  exit 1
fi
exit 0
