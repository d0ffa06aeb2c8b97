#!/usr/bin/env bash
# Prints each document kind (record, notice, review, and the record from `hazard evaluate`)
# to PDF through headless Chromium, then reads the PDFs back: pdftotext must find the title,
# the enterprise, a clause and (for the review) the verifying event's hash; pdfinfo must see
# A4 pages, as many as the page footer ("共 N 页") says. Run by `make test`, which installs
# chromium, poppler-utils and fonts-noto-cjk first. Under CI=true a missing tool fails.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/hazard}

missing=""
for tool in pdftotext pdfinfo; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || missing="$missing chromium"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = true ]; then echo "documents-pdf-test: missing$missing (apt-get install chromium poppler-utils fonts-noto-cjk)"; exit 1; fi
  echo "documents-pdf-test: skipped, missing$missing (apt-get install chromium poppler-utils fonts-noto-cjk)"; exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hazard-pdf-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db="$tmp/ledger.sqlite"
uscc=91350100M000100Y43
name="示例市安达液化石油气有限公司"
passed=0 failed=0
fail() { echo "documents-pdf-test: FAIL: $*"; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }

"$BIN" ledger enterprise "$uscc" --name "$name" --region 350102 --site 储配站 --db "$db" --as 张三 >/dev/null
out=$("$BIN" ledger record --checklist urban-gas-2023 --enterprise "$uscc" --site 储配站 --inspector 张三 --inspector 李四 \
        --checklists checklists --db "$db" --as 张三 examples/gas.yaml)
inspection=$(echo "$out" | sed -n 's/^inspection \([0-9]*\):.*/\1/p')
first=$(echo "$out" | grep -o '#[0-9]*' | head -1 | tr -d '#')
[ -n "$inspection" ] && [ -n "$first" ] || { echo "documents-pdf-test: cannot read the recorded inspection from: $out"; exit 1; }
"$BIN" ledger plan "$first" --responsible 王五 --measures 接入高限报警 --funds 2万元 --deadline 2026-04-15 --contingency 停用2#储罐 \
  --on 2026-03-19 --db "$db" --as 王五 >/dev/null
"$BIN" ledger rectify "$first" --on 2026-04-10 --note 报警已接入控制室 --db "$db" --as 王五 >/dev/null
"$BIN" ledger verify "$first" --on 2026-04-12 --note 现场复核合格 --db "$db" --as 李四 >/dev/null
hash=$("$BIN" ledger show "$first" --json --db "$db" | python3 -c '
import json, sys
events = [e for e in json.load(sys.stdin)["events"] if e["kind"] == "verified"]
print(events[-1]["hash"])')
clause=$("$BIN" evaluate examples/gas.yaml --checklists checklists --format json | python3 -c '
import json, sys
print(next(f["clause"] for f in json.load(sys.stdin)["findings"] if f["status"] in ("major", "general")))')

# Expected pages of the gas example (3 major hazards among 22 findings) with fonts-noto-cjk, the font
# `make test` installs: record 4, notice 3, review 2. Another font can move a page break: the
# footer check below then still holds, and RECORD_PAGES etc. override the counts.
# check KIND PDF TITLE EXPECTED_PAGES TEXT…: the PDF's text (whitespace removed, so wrapped
# hashes and names still match) holds TITLE and each TEXT; its pages are A4, EXPECTED_PAGES of them.
check() {
  local kind=$1 pdf=$2 title=$3 pages=$4; shift 4
  [ -s "$pdf" ] || { fail "$kind: no PDF written"; return; }
  local text; text=$(pdftotext -enc UTF-8 "$pdf" - | tr -d ' \n\f\t')
  for want in "$title" "$@"; do
    want=$(printf '%s' "$want" | tr -d ' ')
    if [[ "$text" == *"$want"* ]]; then ok; else fail "$kind: '$want' not in the PDF's text"; fi
  done
  local info; info=$(pdfinfo "$pdf")
  local got; got=$(echo "$info" | sed -n 's/^Pages: *//p')
  if [ "$got" = "$pages" ]; then ok; else fail "$kind: $got pages, expected $pages"; fi
  if echo "$info" | grep -qE '^Page size: +59[45]\.[0-9]+ x 84[12]\.[0-9]+ pts \(A4\)'; then ok; else fail "$kind: not A4: $(echo "$info" | grep 'Page size')"; fi
  if [[ "$text" == *"共${got}页"* ]]; then ok; else fail "$kind: the footer does not say 共${got}页"; fi
}

for kind in record notice review; do
  if ! "$BIN" ledger document "$inspection" --kind "$kind" --pdf "$tmp/$kind.pdf" --db "$db" 2>"$tmp/$kind.err"; then
    fail "$kind: hazard ledger document failed: $(cat "$tmp/$kind.err")"
  fi
done
"$BIN" evaluate examples/gas.yaml --checklists checklists --format html --pdf "$tmp/evaluate.pdf" >/dev/null 2>"$tmp/evaluate.err" \
  || fail "evaluate --pdf failed: $(cat "$tmp/evaluate.err")"

check record "$tmp/record.pdf" 现场检查记录 "${RECORD_PAGES:-4}" "$name" "$uscc" "$clause" "隐检记〔2026〕${inspection}号" 检查人员：张三 检查人员：李四
check notice "$tmp/notice.pdf" 隐患整改通知书 "${NOTICE_PAGES:-3}" "$name" "$clause" "隐改通〔2026〕${inspection}号" 2026年4月15日前 接入高限报警
check review "$tmp/review.pdf" 整改复查意见 "${REVIEW_PAGES:-2}" "$name" "$hash" "隐患#${first}" 整改合格，予以销号 复查人员：李四
check evaluate "$tmp/evaluate.pdf" 现场检查记录 "${RECORD_PAGES:-4}" "$clause" （未入台账）

# The printed hash is the ledger's: verify-chain accepts it and names the event.
seq=$("$BIN" ledger show "$first" --json --db "$db" | python3 -c '
import json, sys
print([e for e in json.load(sys.stdin)["events"] if e["kind"] == "verified"][-1]["seq"])')
if "$BIN" ledger verify-chain --head "$seq:$hash" --db "$db" | grep -q "event $seq has hash $hash as given"; then ok; else fail "verify-chain does not confirm event $seq"; fi

echo "documents-pdf-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
