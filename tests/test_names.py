"""Names as people type them (issue 12): any case and form of the model's ids, names and plurals,
and the nearest id when nothing matches."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from gedragscode.cli.main import cli

import gedragscode
from gedragscode import ModelError
from gedragscode.names import canonical_body, canonical_clause, canonical_office, canonical_setting, fold_name

MODEL = gedragscode.load_model()


def test_fold() -> None:
    assert fold_name(" Buitenlandse  reizen ") == "buitenlandse_reizen"
    assert fold_name("Financiële-belangen") == "financiele_belangen"


@pytest.mark.parametrize(("given", "expected"), [("Gemeente", "gemeente"), ("PROVINCIE", "provincie"),
                                                 ("openbaar lichaam", "openbaar_lichaam")])
def test_bodies_in_any_form(given: str, expected: str) -> None:
    assert canonical_body(MODEL, given) == expected


def test_every_office_by_id_name_and_plural() -> None:
    for body in MODEL.bodies:
        for office in body.offices:
            for form in (office.id, office.id.upper(), office.name, office.plural, office.plural.capitalize()):
                assert canonical_office(MODEL, body.id, form) == office.id, (body.id, form)


def test_every_clause_by_id_and_title() -> None:
    for clause in MODEL.clauses:
        assert canonical_clause(MODEL, clause.title) == clause.id
        assert canonical_clause(MODEL, clause.id.upper()) == clause.id


@pytest.mark.parametrize(("call", "hint"), [
    (lambda: canonical_body(MODEL, "gemeent"), "bedoelde u gemeente?"),
    (lambda: canonical_office(MODEL, "gemeente", "raadslied"), "bedoelde u raadslid?"),
    (lambda: canonical_office(MODEL, "provincie", "statenleeden"), "bedoelde u statenlid?"),
    (lambda: canonical_clause(MODEL, "socialemedia"), "bedoelde u sociale_media?"),
    (lambda: canonical_setting(MODEL, "geschenk.grens"), "bedoelde u geschenken.grens?"),
    (lambda: canonical_setting(MODEL, "geschenken.grenz"), "bedoelde u grens?"),
])
def test_nearest_name_suggested(call: object, hint: str) -> None:
    with pytest.raises(ModelError, match=hint.replace("?", r"\?")):
        call()  # type: ignore[operator]


def test_nothing_near_lists_the_choices() -> None:
    with pytest.raises(ModelError, match="kies uit: raadslid, commissielid"):
        canonical_office(MODEL, "gemeente", "xyz")


def test_make_code_takes_the_forms_people_type() -> None:
    loose = gedragscode.make_code("Gemeente", ["Raadsleden", "wethouders"], "Almelo", year=2026,
                                  settings={"Geschenken.Grens": "75"}, omit=["Sociale media"])
    strict = gedragscode.make_code("gemeente", ["raadslid", "wethouder"], "Almelo", year=2026,
                                   settings={"geschenken.grens": "75"}, omit=["sociale_media"])
    assert gedragscode.render(loose, "md") == gedragscode.render(strict, "md")


def test_cli_suggests_the_nearest_office() -> None:
    result = CliRunner().invoke(cli, ["render", "--body", "gemeente", "--office", "raadslied", "--naam", "X"])
    assert result.exit_code == 2 and "bedoelde u raadslid?" in result.stderr
    result = CliRunner().invoke(cli, ["lint", "--body", "Gemeent", "x.txt"])
    assert result.exit_code == 2 and "bedoelde u gemeente?" in result.output


def test_a_choice_for_one_office_keeps_its_office() -> None:
    assert canonical_setting(MODEL, "Agressie.Meldpunt@Burgemeester", "gemeente") == "agressie.meldpunt@burgemeester"
    code = gedragscode.make_code("gemeente", ["raadslid", "burgemeester"], "X",
                                 settings={"Agressie.meldpunt@burgemeester": "de locoburgemeester"})
    assert "de locoburgemeester" in gedragscode.render(code, "md")
