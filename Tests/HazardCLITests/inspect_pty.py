#!/usr/bin/env python3
"""Drives `hazard inspect` through a pseudo-terminal, as an inspector at a terminal would:
reads each prompt, answers the question it names from examples/gas.yaml (or "skip" where the
example is silent), types a wrong answer and a "back" once on the way, and checks that the
saved answers grade to the same findings as the example with `hazard evaluate`.

Usage: inspect_pty.py PATH_TO_HAZARD   (run by HazardCLITests, so by `swift test` / `make test`)
"""
import json
import os
import pty
import re
import select
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HAZARD = sys.argv[1]
EXAMPLE = os.path.join(ROOT, "examples", "gas.yaml")


def scalar(text):
    text = text.strip()
    if text in ("true", "false"):
        return text == "true"
    return text


def load_example(path):
    """The example's answers: `key: value` lines and `- {field: value, …}` records (the gas
    example's shape), comments dropped."""
    answers, current = {}, None
    in_answers = False
    for raw in open(path, encoding="utf-8"):
        line = re.sub(r"\s+#.*$", "", raw.rstrip("\n"))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("answers:"):
            in_answers = True
            continue
        if not in_answers:
            continue
        stripped = line.strip()
        if stripped.startswith("- {"):
            fields = {}
            for part in stripped[3:-1].split(","):
                key, value = part.split(":", 1)
                fields[key.strip()] = scalar(value)
            answers[current].append(fields)
            continue
        key, value = stripped.split(":", 1)
        if value.strip() == "":
            current = key
            answers[key] = []
        else:
            answers[key] = scalar(value)
    return answers


def typed(value):
    if value is True:
        return "y"
    if value is False:
        return "n"
    return str(value)


class Terminal:
    def __init__(self, argv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(ROOT)
            os.execv(argv[0], argv)
        self.data = b""

    def read_until_prompt(self, timeout=30):
        """Output up to the next prompt ("> " at the end); None when the program ended."""
        while True:
            text = self.data.decode("utf-8", errors="replace")
            if text.endswith("> "):
                self.data = b""
                return text
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                raise SystemExit(f"no prompt within {timeout} s; output so far:\n{text}")
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                self.rest = text
                return None
            self.data += chunk

    def type(self, line):
        os.write(self.fd, (line + "\r").encode("utf-8"))

    def wait(self):
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def statuses(path):
    out = subprocess.run([HAZARD, "evaluate", "--format", "json", path], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {f["criterion"]: f["status"] for f in json.loads(out)["findings"]}


def main():
    answers = load_example(EXAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        saved = os.path.join(tmp, "answers.yaml")
        term = Terminal([HAZARD, "inspect", "--checklist", "urban-gas-2023", "--answers", saved, "--date", "2026-03-18"])
        transcript = []
        question = None
        record = 0
        wrong_typed = went_back = False
        previous = None
        asked = 0
        while True:
            text = term.read_until_prompt()
            if text is None:
                transcript.append(term.rest)
                break
            transcript.append(text)
            headers = re.findall(r"^(?:（适用性）)?[^\n\[]*（([A-Za-z0-9_.-]+)）\s*$", text, re.M)
            if headers:
                if question != headers[-1]:
                    asked += 1
                question = headers[-1]
                record = 0
            records = re.findall(r"记录 (\d+):", text)
            if records:
                record = int(records[-1])
            field = re.search(r"（([A-Za-z0-9_.-]+)）\[[^\]]*\]\s*> $", text.splitlines()[-1])
            value = answers.get(question)
            if isinstance(value, list):
                name = field.group(1) if field else None
                if record > len(value):
                    term.type("")
                else:
                    term.type(typed(value[record - 1].get(name, "")) if name in value[record - 1] else "")
                continue
            if value is True or value is False:
                if not wrong_typed:
                    wrong_typed = True
                    term.type("maybe")
                    continue
                if previous is not None and not went_back and asked >= 3:
                    went_back = True
                    term.type("back")
                    continue
            term.type("skip" if value is None else typed(value))
            previous = question
        code = term.wait()
        output = "".join(transcript)
        problems = []
        if code != 0:
            problems.append(f"exit status {code}")
        if "请输入 y（是）或 n（否）" not in output:
            problems.append("a wrong y/n answer was not re-asked with the reason")
        if not went_back:
            problems.append("never typed back")
        if "[" not in output or "已判定]" not in output:
            problems.append("no progress shown")
        if not os.path.exists(saved):
            problems.append("no answers file saved")
        elif statuses(saved) != statuses(EXAMPLE):
            guided, full = statuses(saved), statuses(EXAMPLE)
            problems.append("findings differ: " + ", ".join(f"{k}: {guided[k]} vs {full[k]}" for k in full if guided.get(k) != full[k]))
        if problems:
            print("\n".join(problems) + "\n--- transcript ---\n" + output[-6000:])
            return 1
        print(f"pty session: {asked} questions asked, same findings as hazard evaluate on {os.path.relpath(EXAMPLE, ROOT)}")
        return 0


if __name__ == "__main__":
    sys.exit(main())
