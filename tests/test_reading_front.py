"""Where the front matter ends: adoption sentences that name the regulation, long runs of numbered
duties after an aanhef, a title whose last line the aanhef follows, and lettered article numbers."""

from __future__ import annotations

from gedragscode.lint.document import Segmentation
from gedragscode.lint.readers import read_document
from gedragscode.lint.segment import segment

_DUTIES = [
    "Een collegelid vervult geen nevenfuncties die ongewenst zijn met het oog op het ambt.",
    "Een collegelid meldt een nieuwe nevenfunctie vooraf aan de raad.",
    "Een collegelid maakt jaarlijks vóór 1 april zijn inkomsten uit nevenfuncties openbaar.",
    "Een collegelid neemt niet deel aan de beraadslaging en stemming over een zaak die hem persoonlijk aangaat.",
    "Een collegelid neemt geen geschenken aan met een waarde van meer dan € 50.",
    "Een collegelid gaat vertrouwelijk om met informatie die hij in zijn ambt verkrijgt.",
    "Een collegelid declareert alleen kosten die hij werkelijk heeft gemaakt.",
    "Deze code treedt in werking op de dag na bekendmaking.",
]


def _seg(text: str) -> Segmentation:
    return segment(read_document("code.txt", data=text.encode()))


def _normative(seg: Segmentation) -> list[str]:
    return [seg.document.text[u.body_span.start:u.body_span.end] for u in seg.units if u.role == "normatief"]


def _numbered(start: int = 1) -> str:
    return "\n\n".join(f"{n}. {duty}" for n, duty in enumerate(_DUTIES, start))


def test_an_adoption_that_names_the_regulation_on_its_line_hands_over_to_the_rules() -> None:
    seg = _seg("Gedragscode integriteit college Lingewaard 2024\n\n"
               "De raad van de gemeente Lingewaard, gelet op artikel 41c van de Gemeentewet; besluit vast te "
               "stellen de volgende regeling: Gedragscode integriteit college Lingewaard 2024.\n\n" + _numbered())
    normative = _normative(seg)
    assert len(normative) == len(_DUTIES)
    assert normative[0].startswith("Een collegelid vervult geen nevenfuncties")


def test_a_long_run_of_numbered_duties_ends_the_aanhef_without_an_adoption_formula() -> None:
    seg = _seg("Gedragscode integriteit college Lingewaard 2024\n\n"
               "De raad van de gemeente Lingewaard, gelet op artikel 41c van de Gemeentewet, overwegende dat "
               "de raad een gedragscode moet hebben, heeft het volgende bepaald\n\n" + _numbered())
    assert len(_normative(seg)) == len(_DUTIES)


def test_the_numbered_points_of_a_besluit_stay_in_the_aanhef() -> None:
    seg = _seg("De raad van de gemeente Lingewaard;\n\ngelet op artikel 41c van de Gemeentewet;\n\nbesluit:\n\n"
               "1. vast te stellen de Gedragscode integriteit raad Lingewaard 2024;\n\n"
               "2. in te trekken de Gedragscode integriteit raad Lingewaard 2016.\n\n"
               "Artikel 1 Nevenfuncties\n\nEen raadslid meldt zijn nevenfuncties aan de griffier.")
    assert [u.label for u in seg.units if u.role == "normatief"] == ["Artikel 1"]


def test_the_last_title_line_before_the_aanhef_heads_no_provision() -> None:
    seg = _seg("Gedragscode integriteit politieke ambtsdragers provincie\n\nLingewaard 2025\n\n"
               "Provinciale Staten van Lingewaard, gelet op artikel 15 van de Provinciewet; overwegende dat de "
               "opvang bij agressie is geregeld in het Protocol Veilig Bestuur;\n\nbesluiten vast te stellen de "
               "Gedragscode integriteit politieke ambtsdragers provincie Lingewaard 2025.\n\n"
               "Artikel A.1 Nevenfuncties\n\nEen ambtsdrager meldt zijn nevenfuncties.")
    roles = {seg.document.text[u.span.start:u.span.end].split("\n")[0]: u.role for u in seg.units}
    assert not any(role == "normatief" for line, role in roles.items()
                   if line.startswith(("Lingewaard", "Provinciale")))


def test_lettered_article_numbers_are_articles_also_in_hard_wrapped_pdf_text() -> None:
    text = ("Artikel A.3 Stemming\n"
            "1. Een ambtsdrager neemt niet deel aan de beraadslaging en stemming over een aangelegenheid die hem\n"
            "rechtstreeks of middellijk persoonlijk aangaat of waarbij hij als vertegenwoordiger is betrokken.\n"
            "2. Een ambtsdrager houdt zich aan de verboden handelingen die de Provinciewet voor zijn ambt be-\n"
            "paalt en vraagt bij twijfel tijdig om advies over een mogelijke ontheffing van die verboden.\n"
            "Artikel A.4 Financiële belangen\n"
            "1. Een ambtsdrager meldt zijn financiële belangen in ondernemingen waarmee de provincie zakelijke\n"
            "betrekkingen onderhoudt.\n")
    seg = _seg(text)
    labels = [(u.label, u.heading) for u in seg.units if u.role == "normatief"]
    assert labels == [("Artikel A.3", "Stemming"), ("Artikel A.4", "Financiële belangen")]


def test_a_prose_code_adopted_in_its_opening_sentence_is_read_as_provisions() -> None:
    prose = ("Wie lid wordt van het algemeen bestuur, geeft vóór de toelating aan de secretaris door welke "
             "functies hij naast het bestuurslidmaatschap vervult.\n\n"
             "Cadeaus die een bestuurder krijgt vanwege zijn functie, houdt hij alleen als ze niet meer dan "
             "vijftig euro waard zijn.\n\n"
             "Wie vermoedt dat een bestuurder deze code niet naleeft, meldt dat bij de dijkgraaf.")
    for opening in (
        "Het algemeen bestuur van Waterschap Lingewaard stelt, gelet op artikel 33 van de Waterschapswet, de "
        "volgende gedragscode vast voor de leden van het algemeen bestuur.",
        "Het algemeen bestuur van Waterschap Lingewaard heeft op 26 februari 2025, gelet op artikel 33 van de "
        "Waterschapswet, deze gedragscode vastgesteld.",
    ):
        seg = _seg("Gedragscode algemeen bestuur Waterschap Lingewaard\n\n" + opening + "\n\n" + prose)
        assert len(_normative(seg)) == 3, opening


def test_numbered_leden_that_start_again_at_1_are_the_provisions_of_unheaded_articles() -> None:
    # the headings of the articles are gone (a PDF that lost its bold lines): each article's leden start at
    # 1, and only the toelichting still names the articles
    groups = [_DUTIES[0:2], _DUTIES[2:4], _DUTIES[4:6], _DUTIES[6:8]]
    rules = "\n".join("\n".join(f"{n}. {duty}" for n, duty in enumerate(group, 1)) for group in groups)
    notes = "\n\n".join(f"Artikel {n}. Dit artikel is ontleend aan de landelijke handreiking." for n in range(1, 5))
    seg = _seg("Gedragscode integriteit college Lingewaard 2024\n\n"
               "De raad van de gemeente Lingewaard;\n\ngelet op artikel 41c van de Gemeentewet;\n\n"
               "besluit vast te stellen de volgende regeling: Gedragscode integriteit college Lingewaard 2024.\n\n"
               + rules + "\n\nToelichting\n\n" + notes + "\n")
    normative = " ".join(_normative(seg))
    for duty in _DUTIES[:7]:
        assert duty in normative, duty


def test_a_question_heading_after_the_aanhef_heads_a_section_not_the_title() -> None:
    seg = _seg("Gedragscode voor de burgemeester van Proefstad\n\n"
               "De gemeenteraad van Proefstad stelt volgens artikel 69, tweede lid, van de Gemeentewet een gedragscode "
               "vast voor de burgemeester. Op deze pagina leest u die code.\n\n"
               "Voor wie is deze code?\n\n"
               "Deze code geldt voor de burgemeester van Proefstad en voor een waarnemend burgemeester.\n\n"
               "Uw functies\n\nU meldt elke nevenfunctie vooraf aan de raad.\n")
    roles = {u.heading or u.label: u.role for u in seg.units}
    assert "titel" not in {u.role for u in seg.units if "Voor wie" in seg.document.text[u.span.start:u.span.end][:30]}
    assert roles.get("Voor wie is deze code?") in ("normatief", "inleiding")
