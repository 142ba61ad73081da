"""The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

One run. Each clause that occurs in the findings is a rule (id = clause id); each
missing or outdated clause is a result. Outdated clauses point at their evidence (line,
column, character offsets, snippet); missing clauses at line 1, column 1, since code
scanning needs a region. ``partialFingerprints`` (clause id + file) let code scanning
recognise the same finding across runs. Documents that could not be checked become
``toolExecutionNotifications`` and make the invocation unsuccessful; a document that does not look like a
code of conduct is a notification of level ``note`` (``geen-gedragscode``), one whose structure may not
have been recognised one of level ``warning`` (``structuur-niet-herkend``). Each artifact's properties
carry ``document`` and the coverage (``dekking``, as in the JSON report). Columns and offsets
count Unicode code points (``columnKind``), as the lint engine does. No timestamps, so
equal input gives equal output.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from gedragscode.limits import printable
from gedragscode.lint.reports.common import STATUS_LABEL, not_a_code_line, sarif_level
from gedragscode.lint.reports.json_report import coverage_dict
from gedragscode.lint.result import ClauseFinding, Evidence, LintFailure, LintResult
from gedragscode.model import Level

__all__ = ["SARIF_SCHEMA", "render_sarif", "sarif_log"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/gedragscode/"
_FINGERPRINT = "gedragscodeClause/v1"


def _uri(path: str) -> str:
    """The file as a URI reference: the path as given, '/' separators, percent-encoded."""
    # the bytes of the name (os.fsencode): a name that is not UTF-8 is percent-encoded as it is on disk
    return quote(os.fsencode(path.replace("\\", "/")), safe="/:@!$&'()*+,;=-._~")


def _pascal(clause_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in clause_id.replace("-", "_").split("_") if part)


def _default_level(level: str) -> str:
    try:
        return sarif_level(Level(level).severity)
    except ValueError:
        return "warning"


def _rule(finding: ClauseFinding) -> dict[str, Any]:
    title = finding.title or finding.id
    return {
        "id": finding.id,
        "name": _pascal(finding.id),
        "shortDescription": {"text": title},
        "fullDescription": {
            "text": f"Clausule ‘{title}’ ({finding.id}) van de handreiking gedragscode integriteit; "
            f"niveau: {finding.level}."
        },
        "help": {
            "text": f"Neem de clausule ‘{title}’ van de handreiking op in de gedragscode of werk haar bij. "
            "Met ‘gedragscode lint --suggest’ krijgt u modeltekst voor uw lichaam en ambten.",
        },
        "defaultConfiguration": {"level": _default_level(finding.level)},
        "properties": {"tags": ["gedragscode", "integriteit", finding.level], "niveau": finding.level},
    }


def _end(ev: Evidence, line: int, column: int) -> tuple[int, int] | None:
    """End line/column (exclusive) when the quoted text is exactly the matched span."""
    if ev.end - ev.start != len(ev.text) or not ev.text:
        return None
    breaks = ev.text.count("\n")
    if breaks == 0:
        return line, column + len(ev.text)
    return line + breaks, len(ev.text) - ev.text.rfind("\n")


def _region(ev: Evidence | None) -> dict[str, Any]:
    if ev is None or ev.line <= 0:
        region: dict[str, Any] = {"startLine": 1, "startColumn": 1}
        if ev is not None:
            region.update(_offsets(ev))
        return region
    column = ev.column if ev.column > 0 else 1
    region = {"startLine": ev.line, "startColumn": column}
    end = _end(ev, ev.line, column)
    if end is not None:
        region["endLine"], region["endColumn"] = end
    region.update(_offsets(ev))
    return region


def _offsets(ev: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if ev.end >= ev.start >= 0:
        out["charOffset"] = ev.start
        out["charLength"] = ev.end - ev.start
    if ev.text:
        out["snippet"] = {"text": ev.text}
    return out


def _location(uri: str, index: int, ev: Evidence | None) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "index": index},
            "region": _region(ev),
        }
    }


def _message(finding: ClauseFinding) -> str:
    title = finding.title or finding.id
    severity = f", {finding.severity}" if finding.severity else ", niet vereist"
    if finding.status == "missing":
        text = f"De clausule ‘{title}’ ({finding.id}) ontbreekt ({finding.level}{severity})."
    elif finding.status == "onzeker":
        text = f"De clausule ‘{title}’ ({finding.id}) is mogelijk aanwezig ({finding.level}{severity})."
        if finding.evidence and finding.evidence[0].label:
            text += f" Beste kandidaat: {finding.evidence[0].label}."
    elif finding.status == "present":
        text = f"De clausule ‘{title}’ ({finding.id}) is aanwezig, met een opmerking ({finding.level})."
        if finding.evidence and finding.evidence[0].label:
            text += f" Zie {finding.evidence[0].label}."
    else:
        text = f"De clausule ‘{title}’ ({finding.id}) is verouderd ({finding.level}{severity})."
        if finding.evidence and finding.evidence[0].label:
            text += f" Gevonden in {finding.evidence[0].label}."
    if finding.message:
        text += " " + finding.message.strip()
    return text


def _result(finding: ClauseFinding, rule_index: int, uri: str, file: str, index: int) -> dict[str, Any]:
    first = finding.evidence[0] if finding.status != "missing" and finding.evidence else None
    out: dict[str, Any] = {
        "ruleId": finding.id,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.severity),
        "message": {"text": _message(finding)},
        "locations": [_location(uri, index, first)],
        "partialFingerprints": {_FINGERPRINT: f"{finding.id}:{printable(file)}"},
        "properties": {"status": finding.status, "statusNl": STATUS_LABEL[finding.status],
                       "niveau": finding.level},
    }
    if finding.confidence is not None:
        out["properties"]["zekerheid"] = finding.confidence
    if first is not None and len(finding.evidence) > 1:
        out["relatedLocations"] = [
            {"id": i, **_location(uri, index, ev), "message": {"text": ev.label or "vindplaats"}}
            for i, ev in enumerate(finding.evidence[1:], start=1)
        ]
    return out


def sarif_log(results: Sequence[LintResult | LintFailure]) -> dict[str, Any]:
    """The SARIF log as a dict."""
    from gedragscode import __version__

    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []

    for item in results:
        uri = _uri(item.file)
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            artifact: dict[str, Any] = {"location": {"uri": uri}}
            if isinstance(item, LintResult):
                properties: dict[str, Any] = {"format": item.format} if item.format else {}
                properties.update(document=item.document, dekking=coverage_dict(item.coverage))
                artifact["properties"] = properties
            artifacts.append(artifact)
        index = artifact_index[uri]
        if isinstance(item, LintFailure):
            notifications.append({
                "level": "error",
                "message": {"text": f"{printable(item.file)}: {item.message}"},
                "descriptor": {"id": "onleesbaar-document"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": index}}}],
            })
            continue
        where = [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": index}}}]
        if not item.is_code:
            notifications.append({"level": "note", "message": {"text": f"{item.file}: {not_a_code_line(item)}"},
                                  "descriptor": {"id": "geen-gedragscode"}, "locations": where})
        elif not item.coverage.recognised:
            notifications.append({"level": "warning", "message": {"text": f"{item.file}: {item.coverage.message}"},
                                  "descriptor": {"id": "structuur-niet-herkend"}, "locations": where})
        for finding in item.clauses:
            if finding.id not in rule_index:
                rule_index[finding.id] = len(rules)
                rules.append(_rule(finding))
            if finding.status in ("missing", "outdated", "onzeker") or (
                    finding.status == "present" and finding.severity):
                sarif_results.append(_result(finding, rule_index[finding.id], uri, item.file, index))

    invocation: dict[str, Any] = {"executionSuccessful": not any(n["level"] == "error" for n in notifications)}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "gedragscode",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "language": "nl",
                "rules": rules,
            }},
            "invocations": [invocation],
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def render_sarif(results: Sequence[LintResult | LintFailure]) -> str:
    """The SARIF log as JSON text; ends with a newline."""
    return json.dumps(sarif_log(results), ensure_ascii=False, indent=2) + "\n"
