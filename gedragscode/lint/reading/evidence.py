"""Evidence that a sentence or paragraph is a rule, a report of what happened, or a statement of what a
code does not regulate.

The reading stages use it where structure says nothing: in a toelichting, beschouwing or bijlage that the
code declares binding, in a code written as continuous prose, and to keep "Deze code regelt niet: ..."
out of the provisions. A *duty* is the wording of Dutch legal drafting and of codes in the first person:
a present-tense obligation, ban or required act ("meldt", "neemt niet deel", "vraagt nooit", "wordt
geregistreerd", "mag ... houden", "wij melden", "zorgt ervoor dat"). *Narrative* is the past tense of a
report or an account of how the code came about ("heeft daarvan afgezien", "werden gemeld"). A *scope
negation* says what the code leaves out ("deze code regelt niet", "gaat niet over", "bevat evenmin
regels", "daarover zijn geen afspraken gemaakt", "is niets opgenomen").

Pure functions on text; the patterns are language, not clause content (the clauses and their wording
live in the model).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gedragscode.lint.lemmas import imperative

__all__ = [
    "Evidence", "absence", "command", "definition", "duty", "exemption", "inapplicable", "narrative",
    "paragraph_evidence", "referral", "scope_negation", "sentences",
]

# A present-tense obligation, ban or required act.
_DUTY = re.compile(
    r"\b(?:meldt|melden|(?:doet|doen|geeft|geven)\s+(?:\w+\s+){0,3}?(?:opgave|door|op|aan)|"
    r"(?:neemt|nemen)\s+(?:\w+\s+){0,2}?(?:niet\s+deel|geen|niets|alleen|aan)|(?:is|zijn)\s+(?:het\s+)?(?:\w+\s+)?verboden|"
    r"onthoudt\s+zich|onthouden\s+zich|(?:houdt|houden)\s+(?:zich\s+aan|geheim|bij)|blijft\s+geheim|"
    r"(?:aanvaardt|aanvaarden|vervult|vervullen|verricht|verrichten|maakt|maken|bevoordeelt|bevoordelen|"
    r"gebruikt|gebruiken|declareert|declareren|vraagt|vragen|treedt|treden|sluit|sluiten|voert|voeren|"
    r"neemt|nemen|accepteert|accepteren|deelt|delen)\b[^.;:]{0,80}?\b(?:geen|niet|nooit|alleen|uitsluitend)\b|"
    r"declareert|(?<!het )declareren|registreert|(?<!het )registreren|"
    r"(?:mag|mogen|moet|moeten|dient|dienen|hoeft|hoeven)\b|(?:is|zijn)\s+verplicht|verplicht\s+zich|"
    r"(?:wordt|worden)(?:\s*,[^,.;:]{1,100},)?\s+(?:\w+\s+){0,6}?(?:\w*ge\w+|(?:aan|op|af|in|voor|onder|over|bij|terug|vast|uit|door)\w+)"
    r"(?:d|t|en)\b|"
    r"zorg(?:t|en)\s+(?:er\s*)?(?:voor\s+)?dat|draagt\s+zorg|(?:legt|leggen)\s+\w+\s+voor|"
    r"(?:spreekt|spreken)\s+\w+\s+(?:\w+\s+){0,3}?aan|(?:bejegent|bejegenen|behandelt|behandelen)\b|"
    # the je-form with the verb first ("Dan neem je geen betaalde opdrachten aan", "meld je het")
    r"(?:neem|meld|geef|doe|houd|gebruik|vraag|maak|accepteer|deel|declareer|vervul|aanvaard|praat|stem)\s+je\b)"
    # the imperative that opens a sentence of a plain-language code ("Meld het bij de griffier.")
    r"|^\W*(?:Meld|Neem|Geef|Vraag|Houd|Gebruik|Zorg|Accepteer|Declareer|Bespreek|Overleg|Weiger|Praat|Stem|"
    r"Wees|Vermijd)\b"
    # the je-form with a ban or a limit, any verb ("Je gaat alleen mee als ...", "Je vertelt het aan niemand")
    r"|^\W*(?:je|jij)\s+(?!(?:kunt|kan|wilt|wil|bent|hebt|heb|weet|zult|zal|krijgt|ziet|vindt|denkt|hoort|"
    r"leest|merkt|voelt)\b)[a-z]\w+\s[^.;:?]{0,80}?\b(?:geen|niet|nooit|alleen|uitsluitend|niemand|niets)\b"
    # a rule for whoever meets a condition, in the present tense ("Wie persoonlijk belang heeft bij een
    # besluit, laat de stemming aan anderen"; not "Wie ... kan ...", which offers a possibility)
    r"|^\W*Wie\s[^,;:?]{3,160},\s*(?!(?:kan|kunnen|mag\s+ook|was|waren|werd|had)\b)[a-z]\w+\b(?![^.;:]{0,200}\?)",
    re.IGNORECASE,
)
# "wij" or "ons" in the present tense: a code in the first person states its rules as commitments.
_WE = re.compile(r"\b(?:wij|we)\b", re.IGNORECASE)
# ... but not an opinion in that form ("We vinden het niet chic als ...", "Wij denken dat ..."): it commits to
# nothing.
_OPINION = re.compile(r"\b(?:wij|we)\s+(?:vinden|denken|hopen|geloven|menen)\b|"
                      r"\b(?:vinden|denken|hopen|geloven|menen)\s+(?:wij|we)\b", re.IGNORECASE)
_OPINION_I = re.compile(r"\bik\s+(?:vind|denk|hoop|geloof|meen)\b|\b(?:vind|denk|hoop|geloof|meen)\s+ik\b",
                        re.IGNORECASE)
# The past tense and the perfect of a report or of an account ("werd", "hebben ... gemeld").
_NARRATIVE = re.compile(
    r"\b(?:werd|werden|was|waren|had|hadden|bleek|bleken|ontving|ontvingen|kwam|kwamen|ging|gingen|stond|stonden|gold|golden|luidde|luidden|bevatte|regelde|vroeg|vroegen|verwierp|"
    r"constateer|constateerde)\b|"
    r"\b(?:heeft|hebben)\b[^.;:]{0,80}?\b(?:ge\w{3,}(?:d|t|en)|afgezien|besproken|ontvangen|verwerkt|"
    r"vastgesteld|opgesteld|aangeboden|overwogen|voorgesteld|verleend)\b|"
    r"\bin\s+(?:19|20)\d\d\s+(?:zijn|is|heeft|hebben|werd|werden)\b|"
    # "is toen gesproken over een screening", "is destijds besproken"
    r"\b(?:is|zijn)\s+(?:toen|destijds|eerder|indertijd)\s+(?:\w+\s+){0,6}?ge\w{3,}(?:d|t|en)\b",
    re.IGNORECASE,
)
# What the code leaves out: the code as the subject of a negated verb ("Deze code regelt niet", "gaat niet
# over", "bevat evenmin regels voor", "vraagt niet om"; but "staat niet toe" and "niet alleen" are rules),
# "daarover zijn geen afspraken gemaakt", "is in deze afspraken niets opgenomen", "heeft daarvan afgezien".
_SCOPE_NEGATION = re.compile(
    r"\b(?:(?:deze|de|dit|het)\s+(?:gedrags)?(?:code|regeling|protocol|afspraken|reglement|verordening)\s+"
    r"(?!(?:staat|staan|laat|laten|mag|mogen|overtreedt|overtreden|schendt|schenden|naleeft|naleven|niet|en|of|maar|die|dat|waarin|waarvan|van|voor|in|op|aan|met|bij|uit|over|volgens|krachtens|naast|zoals|als|te|om|tot)\b)\w+\s+(?:\w+\s+){0,2}?"
    r"(?:niet(?!\s+alleen\b)|evenmin|geen|niets)\b|"
    # ... with a subject between ("deze code stelt voor reizen naar het buitenland geen voorwaarden"), not a
    # clause ("stelt dat het lid geen geschenken aanneemt")
    r"\b(?:deze|de|dit|het)\s+(?:gedrags)?(?:code|regeling)\s+(?:stelt|bevat|geeft|kent|regelt|legt)\s+"
    r"(?:voor|over|aan|bij|op)\s+(?:(?!dat\b|die\b|of\b)\w+\s+){1,6}?(?:geen|niets)\s+"
    r"(?:voorwaarden|regels|eisen|beperkingen|verplichtingen|voorschriften|bepalingen)\b|"
    # the same with the verb first: "Daarover bevat deze code geen regels", "zegt deze code niets" (the verbs
    # of what a code does; "... dat een collega deze code niet naleeft" is a rule about breaking it)
    r"\b(?:bevat|bevatten|regelt|regelen|zegt|kent|behandelt|noemt|stelt|geeft|herhaalt|voegt|gaat)\s+"
    r"(?:deze|de|dit|het)\s+(?:gedrags)?(?:code|regeling|protocol|reglement)\s+"
    r"(?:\w+\s+){0,1}?(?:niet(?!\s+alleen\b)|evenmin|geen|niets)\b|"
    r"niet\s+in\s+(?:deze|de|dit)\s+(?:gedrags)?(?:code|regeling|protocol|afspraken)\s+"
    r"(?:staat|staan|geregeld|opgenomen|overgenomen|vastgelegd|verwerkt)|"
    # "Die regels worden in deze afspraken niet herhaald", "wordt hier niet herhaald", "staat in deze code niets over"
    r"\b(?:wordt|worden)\s+hier\s+niet\s+(?:herhaald|overgenomen|uitgewerkt)\b|"
    # "Waarom staat er niets over screening op de poster?", "dat buiten deze code staat"
    r"\b(?:staat|staan)\s+er\s+niets\s+over\b|\bbuiten\s+(?:deze|dit)\s+(?:gedrags)?(?:code|regeling)\s+(?:staat|staan)\b|"
    # an article marked as struck: "[VERWIJDERD] De bestuurder kan ...", "[Vervallen per 1 januari 2025]"
    r"(?<=^\[)(?:verwijderd|vervallen|geschrapt|ingetrokken|gereserveerd)\b[^\]]*\]|"
    r"\b(?:staat|staan)\s+(?:\w+\s+){0,2}?in\s+(?:deze|dit)\s+(?:gedrags)?(?:code|regeling|afspraken)\s+(?:\w+\s+)?niets\b|"
    r"\bin\s+(?:deze|de|dit)\s+(?:gedrags)?(?:code|regeling|afspraken|reglement|hoofdstuk|verordening)\s+(?:niet|nergens)\s+(?:herhaald|overgenomen)\b|"
    r"\b(?:staat|staan|zit|zitten)\s+(?:\w+\s+){0,2}?niet\s+in\s+(?:deze|de|dit)\s+(?:gedrags)?(?:code|regeling|protocol|afspraken)\b|"
    r"\b(?:valt|vallen)\s+(?:\w+\s+){0,2}?buiten\s+(?:deze|de|dit)\s+(?:gedrags)?(?:code|regeling|protocol|afspraken)\b|"
    # "Dat protocol is geen onderdeel van deze code", "maakt geen deel uit van de gedragscode"
    r"\b(?:is|zijn|vormt|vormen)\s+geen\s+(?:onderdeel|deel)\s+van\s+(?:deze|de|dit)\s+(?:gedrags)?(?:code|regeling)\b|"
    # "Dat is geen vraag voor deze code", "geen onderwerp voor deze afspraken"
    r"\b(?:is|zijn)\s+geen\s+(?:vraag|onderwerp|zaak|kwestie)\s+(?:voor|van)\s+(?:deze|dit)\s+"
    r"(?:gedrags)?(?:code|regeling|afspraken|checklist|wegwijzer|handleiding|gids)\b|"
    r"\b(?:maakt|maken)\s+geen\s+(?:onderdeel|deel)\s+uit\s+van\s+(?:deze|de|dit)\s+(?:gedrags)?(?:code|regeling)\b|"
    r"(?:wat|onderwerpen\s+die)\s+(?:deze|de)\s+(?:gedrags)?code\s+niet\s+regelt|"
    r"(?:zijn|is)\s+(?:\w+\s+){0,4}?(?:geen\s+(?:afspraken|regels|bepalingen)\s+(?:gemaakt|opgenomen|vastgesteld)|"
    r"niets\s+opgenomen|niet\s+(?:geregeld|opgenomen|aangewezen))|"
    r"(?:heeft|hebben)\s+(?:\w+\s+){0,3}?(?:daarvan|hiervan|ervan)\s+afgezien|"
    # "Over aandelen maakt de raad in deze code geen afspraken met het college"
    r"\b(?:maakt|maken)\s+(?:\w+\s+){0,4}?(?:in\s+)?(?:deze|dit)\s+(?:gedrags)?(?:code|regeling)\s+(?:\w+\s+){0,2}?"
    r"geen\s+(?:afspraken|afspraak|regels|regel|bepalingen)\b|"
    # a rule named only to say it does not hold: "Een termijn waarin oud-wethouders ..., geldt in Loonerhaven niet.",
    # "Voor raadsleden geldt die plicht niet."
    r"\b(?:geldt|gelden)\s+(?:(?:die|deze|dat|dit|zo'n)\s+\w+\s+)?(?:(?:in|bij|binnen)\s+(?:\w+\s+){0,2}?|hier\s+|"
    r"daar\s+)?niet\s*[.;!]?\s*$|"
    # "die onderwerpen komen hier dus niet aan bod", "komt in deze code niet aan de orde"
    r"\b(?:komt|komen)\s+(?:hier|in\s+(?:deze|dit)\s+(?:gedrags)?(?:code|regeling|afspraken))\s+(?:\w+\s+){0,2}?niet\s+"
    r"aan\s+(?:bod|de\s+orde)\b|"
    # a rule struck or repealed: "Dat artikel is bij deze herziening geschrapt", "Artikel 9 is vervallen"
    r"\b(?:is|zijn|werd|werden)\s+(?:\w+\s+){0,5}?(?:geschrapt|vervallen|ingetrokken)\b|"
    # a rule still to come: "Zodra de wet dat verplicht stelt, komt hier een afspraak over ..."
    r"\b(?:komt|komen)\s+(?:hier|er)\s+(?:\w+\s+){0,2}?(?:een\s+)?(?:afspraak|regel|regeling|bepaling|artikel)\b|"
    r"geen\s+meerderheid)",
    re.IGNORECASE,
)
# What a provision says does not apply to the office holders: "is niet van toepassing op collegeleden",
# "is niet voor raadsleden bedoeld", "geldt niet voor de wethouders".
_INAPPLICABLE = re.compile(
    # a checklist item marked as not applying: "[n.v.t.] Inkomsten uit nevenfuncties openbaar maken"
    r"^\W*\[\s*n\.?\s*v\.?\s*t\.?\s*\]|"
    r"\b(?:is|zijn|geldt|gelden)\s+niet\s+(?:(?:van\s+)?toepassing\s+op|(?:bedoeld\s+|bestemd\s+)?voor)\s+"
    r"(?:\w+\s+){0,2}?(?:\w*leden|\w*lid|\w*bestuurders?|wethouders?|burgemeesters?|gedeputeerden?|"
    r"ambtsdragers?|hen|hem|haar|mij|ons)\b|"
    # "zijn op de burgemeester niet van toepassing", "Ook die is niet op commissieleden van toepassing"
    r"\b(?:is|zijn)\s+(?:niet\s+)?op\s+(?:\w+\s+){0,2}?(?:\w*leden|\w*lid|\w*bestuurders?|wethouders?|"
    r"burgemeesters?|gedeputeerden?|commissaris|voorzitter|dijkgraaf|gezaghebber|ambtsdragers?|"
    r"hen|hem|haar|mij|jou|u)\s+niet\s+van\s+toepassing\b|"
    r"\b(?:is|zijn)\s+niet\s+op\s+(?:\w+\s+){0,2}?(?:\w*leden|\w*lid|\w*bestuurders?|wethouders?|ambtsdragers?|"
    r"hen|hem|haar|mij|jou|u)\s+van\s+toepassing\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“‘'(])|\n+")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a rough cut: evidence needs no exact offsets)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


# That something the clause would set up does not exist: "Het algemeen bestuur heeft geen vertrouwenspersoon
# aangewezen", "Er is geen meldpunt ingesteld", "Een register wordt niet bijgehouden" is no rule about it.
_ABSENCE = re.compile(
    r"\b(?:(?:heeft|hebben|is|zijn)\s+(?:\w+\s+){0,7}?(?:geen|niet)\s+(?:\w+\s+){0,6}?|"
    r"(?:er\s+)?(?:is|zijn)\s+(?:(?:nog|ook|daarom)\s+)?geen\s+(?:\w+\s+){1,6}?(?:voor\s+\w+\s+(?:\w+\s+)?)?)"
    r"(?:aangewezen|benoemd|aangesteld|ingesteld|ingericht|afgesproken|overgenomen|opgenomen)\b|"
    # "Een risicoanalyse vindt bij zijn benoeming niet plaats", "een antecedentenonderzoek wordt niet ingesteld"
    r"\b(?:vindt|vinden)\s+(?:\w+\s+){0,6}?(?:niet|geen)\s+plaats\b|"
    # "Een vertrouwenspersoon voor bestuurders is er niet", "zo'n register is er (nog) niet"
    r"\b(?:is|zijn)\s+er\s+(?:(?:nog|ook|dus|daarom)\s+)?niet\s*(?:[.;,!]|$)|"
    # "Nee, daarvoor is niets geregeld"
    r"\b(?:is|zijn|wordt|worden)\s+(?:\w+\s+){0,3}?niets\s+(?:\w+\s+)?(?:geregeld|afgesproken|vastgelegd)\b|"
    # "over reizen naar het buitenland heeft de raad geen afspraken gemaakt"
    r"\bgeen\s+(?:\w+\s+)?(?:afspraken|afspraak|regels|regel|regeling|beleid|voorschriften)\s+(?:\w+\s+){0,3}?"
    r"(?:gemaakt|vastgesteld|opgesteld|afgesproken|opgenomen)\b|"
    # "Na het einde van hun ambt gelden voor bestuurders geen beperkingen bij ..."
    r"\b(?:geldt|gelden)\s+(?:\w+\s+){0,5}?geen\s+(?:\w+\s+)?(?:beperkingen|beperking|regels|regel|verplichtingen|verbod|"
    r"voorschriften|afspraken|eisen|voorwaarden)\b|"
    # a question still being considered: "onderzoekt ... of een vertrouwenspersoon kan worden aangewezen",
    # "heeft gevraagd of de Staten ook een risicoanalyse in deze code wilden opnemen", "heeft zich afgevraagd of
    # de code regels moet bevatten voor ..."
    r"\b(?:gevraagd|vraagt|vragen|onderzoekt|onderzoeken|onderzocht|overweegt|overwegen|overwogen|bekijkt|"
    r"bekijken|bekeken|beziet|bezien|bespreekt|bespreken|besproken|nagedacht|gaat\s+na|gaan\s+na|afgevraagd|"
    r"(?:vraagt|vragen|vroeg|vroegen)\s+zich\s+af)\b[^.;:]{0,60}?"
    r"\bof\b[^.;]{0,150}?\b(?:opnemen|opgenomen|op\s+te\s+nemen|invoeren|ingevoerd|in\s+te\s+voeren|aanwijzen|"
    r"aangewezen|aan\s+te\s+wijzen|instellen|ingesteld|in\s+te\s+stellen|aanstellen|aangesteld|regelen|geregeld|"
    r"bevatten|bevat)\b|"
    # "besluit bij de evaluatie van deze code in 2027 of er een periode komt waarin ...": a question left to a
    # later moment
    r"\b(?:besluit|beslist|besluiten|beslissen|bepaalt|bepalen|bekijkt|bekijken|beziet|bezien)\s+(?:\w+\s+){0,6}?"
    r"(?:bij\s+de\s+evaluatie|later|na\s+(?:de\s+)?evaluatie|in\s+20\d\d)\b[^.;?]{0,80}?\bof\s+er\b[^.;?]*|"
    # "beslist bij de evaluatie in 2026 of er afspraken komen over betaald werk ..."
    r"\bof\s+er\s+(?:\w+\s+){0,3}?(?:afspraken|regels|een\s+regeling|beleid|voorschriften)\s+(?:\w+\s+){0,2}?"
    r"(?:komen|komt|nodig\s+zijn|nodig\s+is|moeten\s+komen)\b|"
    # a decision still to be taken: "De raad besluit in het voorjaar van 2026 over een meldpunt"
    r"\b(?:besluit|beslist|besluiten|beslissen)\s+(?:\w+\s+){0,2}?(?:in|voor|na|uiterlijk\s+in)\s+(?:het\s+\w+\s+van\s+|"
    r"de\s+loop\s+van\s+)?20\d\d\s+(?:over|of)\b[^.;]*|"
    # a task to prepare an arrangement: "De raad verzoekt de burgemeester een protocol op te stellen", "werkt aan
    # een protocol", "verzoekt het bestuurscollege te onderzoeken of een meldpunt kan worden ingericht"
    r"\b(?:verzoekt|verzoeken|vraagt|vragen|draagt|dragen)\b[^.;]{0,140}?\b(?:op\s+te\s+stellen|te\s+onderzoeken|"
    r"voor\s+te\s+bereiden|uit\s+te\s+werken|te\s+ontwikkelen)\b[^.;]*|"
    r"\b(?:werkt|werken)\s+(?:nog\s+)?aan\s+(?:een|het)\s+(?:\w+\s+){0,2}?(?:protocol|regeling|voorstel|beleid|meldpunt)\b[^.;]*|"
    # "Het presidium werkt een protocol agressie en intimidatie uit."
    r"\b(?:werkt|werken)\s+(?:\w+\s+){0,3}?(?:een|het)\s+(?:\w+\s+){0,2}?(?:protocol|regeling|voorstel|procedure)\b"
    r"[^.;]{0,80}?\buit\b|"
    # a decision not to: "heeft besloten geen vertrouwenspersoon aan te wijzen"; "Evenmin is een vertrouwenspersoon
    # aangewezen"; still undecided: "wijst bij de evaluatie in 2026 al dan niet een integriteitsadviseur aan"
    r"\bbesloten\s+(?:om\s+)?geen\s+(?:\w+\s+){0,5}?(?:aan\s+te\s+wijzen|in\s+te\s+stellen|op\s+te\s+nemen|te\s+benoemen|"
    r"aan\s+te\s+stellen|te\s+maken)\b[^.;]*|"
    r"\bevenmin\s+(?:is|zijn|heeft|hebben|wordt|worden)\b[^.;]{0,80}?\b(?:aangewezen|benoemd|aangesteld|ingesteld|"
    r"opgenomen|geregeld)\b|"
    r"\b(?:bij\s+de\s+evaluatie|in\s+20\d\d)\b[^.;]{0,60}?\bal\s+dan\s+niet\b[^.;]*|"
    r"\bover\b[^.;]{0,120}?\b(?:besluit|beslist|besluiten|beslissen)\b[^.;]{0,80}?\b20\d\d\b[^.;]*|"
    # a question deliberated: "De eilandsraad heeft besproken of bestuurders ... mogen doen"
    r"\b(?:heeft|hebben)\s+(?:\w+\s+){0,3}?(?:besproken|overwogen|bekeken|afgewogen)\s+of\b[^.;]*|"
    # acknowledging, announcing: "De raad neemt kennis van de aanbeveling ...", "is een initiatiefvoorstel aangekondigd"
    r"\b(?:neemt|nemen)\s+kennis\s+van\b[^.;]*|voorstel\b[^.;]{0,40}?\baangekondigd\b|"
    # a regulation still to be made by another: "maakt het algemeen bestuur een aparte regeling", "stelt het
    # college een regeling vast", "De raad stelt bij afzonderlijk besluit nadere regels over ...", "werken PS uit in
    # een afzonderlijke procedure"
    r"\b(?:stelt|stellen|maakt|maken)\s+(?:\w+\s+){0,5}?(?:een\s+)?(?:aparte|afzonderlijke|separate|nadere)\s+"
    r"(?:regeling|regels|procedure|protocol)\b[^.;]*|"
    r"\b(?:stelt|stellen)\s+(?:\w+\s+){0,3}?een\s+regeling\s+vast\b[^.;]*|"
    r"\buit\s+in\s+een\s+(?:aparte|afzonderlijke|separate)\s+(?:regeling|procedure)\b[^.;]*|"
    # "besluit de raad later", "kunnen zich niet tot deze vertrouwenspersoon wenden", "is voorgesteld ... in te voegen"
    r"\b(?:besluit|beslist|besluiten|beslissen)\s+(?:\w+\s+){0,3}?later\b[^.;]*|"
    # "Het algemeen bestuur ziet af van een verplichte melding"; "GS nemen binnen zes maanden een besluit over de
    # wijze waarop ..."; a proposal: "Er komt een nieuw artikel 9b over het melden van agressie"
    r"\b(?:ziet|zien)\s+(?:\w+\s+){0,3}?af\s+van\b[^.;]*|"
    r"(?<!het\s)\b(?:neemt|nemen)\s+(?!van\b)(?:\w+\s+){0,6}?een\s+besluit\s+over\b[^.;]*|"
    r"\ber\s+komt\s+een\s+(?:\w+\s+)?(?:artikel|lid|regeling|bepaling|protocol|regel)\b[^.;]*|"
    # an arrangement in preparation: "het algemeen bestuur besluit daarover in 2027"; "Een regeling voor het melden
    # van agressie wordt afzonderlijk voorbereid"
    r"\b(?:besluit|beslist|besluiten|beslissen)\s+(?:daarover|hierover|erover)\s+(?:\w+\s+){0,3}?"
    r"(?:in|na|voor|uiterlijk\s+in|later|bij\s+de\s+evaluatie)\b[^.;]*|"
    r"\b(?:regeling|protocol|regels|voorstel|meldpunt|beleid)\b[^.;]{0,120}?\b(?:wordt|worden)\s+(?:\w+\s+){0,3}?"
    r"(?:voorbereid|uitgewerkt|ontwikkeld)\b[^.;]*|"
    r"\b(?:kunnen|kan)\s+(?:zich\s+)?niet\s+(?:\w+\s+){0,4}?(?:wenden|terecht)\b[^.;]*|"
    r"\b(?:is|werd|zijn|werden)\s+(?:\w+\s+){0,3}?voorgesteld\b[^.;]*|"
    # a check not done: "laat geen risicoanalyse uitvoeren", "wordt geen afzonderlijke risicoanalyse uitgevoerd"
    r"\b(?:laat|laten)\s+geen\s+(?:\w+\s+){0,5}?(?:uitvoeren|verrichten|afnemen|instellen)\b|"
    r"\b(?:wordt|worden)\s+geen\s+(?:\w+\s+){0,4}?(?:uitgevoerd|verricht|afgenomen|ingesteld|gehouden)\b|"
    # an arrangement not set up: "stelt geen afzonderlijke meldplicht in"
    r"\b(?:stelt|stellen)\s+geen\s+(?:\w+\s+){0,3}?(?:meldplicht|regeling|regels|protocol|meldpunt|register)\b[^.;]*\bin\b|"
    # a question still open: "wordt bezien of regels nodig zijn", "de vraag of een regeling wenselijk is"
    r"\b(?:de\s+vraag|bezien|bekeken|onderzocht|nagegaan)\s+of\s+(?:\w+\s+){0,4}?(?:regels|een\s+regeling|bepalingen|"
    r"afspraken|een\s+protocol|een\s+meldpunt)\s+(?:\w+\s+){0,3}?(?:nodig|wenselijk|gewenst|nuttig|komt|komen)\b[^.;]*|"
    # a question left to someone else: "Of en in welke vorm de code op de website komt, laat de raad over aan ..."
    r"^\W*of\s+(?:en\s+)?[^.;?]{5,200}?,\s*(?:laat|laten)\s+(?:\w+\s+){0,4}?over\s+aan\b[^.;]*|"
    # a rule still to come: "met een voorstel te komen", "nog niet vastgesteld", "neemt ... in 2027 een besluit"
    r"\bmet\s+een\s+voorstel\s+(?:te\s+)?(?:komen|komt)\b|"
    r"\bnog\s+niet\s+(?:vastgesteld|geregeld|besloten|ingevoerd|aangewezen|bepaald)\b|"
    r"\b(?:neemt|nemen)\s+(?:\w+\s+){0,4}?een\s+besluit\b[^.;]{0,100}?\b20\d\d\b[^.;]*|"
    # an arrangement still to be made: "Het dagelijks bestuur stelt in de loop van 2027 een protocol vast voor ..."
    r"\b(?:stelt|stellen)\s+(?:\w+\s+){0,4}?(?:in\s+de\s+loop\s+van|uiterlijk\s+in|later\s+in|in)\s+20\d\d\b"
    r"[^.;]{0,120}?\bvast\b[^.;]*|"
    r"\b(?:wordt|worden)\s+(?:\w+\s+){0,6}?niet\s+(?:ingesteld|aangewezen|aangesteld|uitgevoerd|afgenomen|"
    r"bijgehouden|ingericht|aangelegd)\b|"
    # a body without the arrangement: "Lindehaven kent geen meldplicht voor financiële belangen" (not "Dit verbod
    # kent geen uitzonderingen"); "hebben de Staten bewust niets opgenomen"
    r"\b(?:kent|kennen)\s+geen\s+(?:\w+\s+){0,2}?(?:meldplicht|meldplichten|regeling|regels|verplichting|register|"
    r"vertrouwenspersoon|protocol|afkoelingsperiode|afkoelperiode|screening|risicoanalyse|procedure|meldpunt|"
    r"plicht|integriteitsadviseur)\b[^.;]*|"
    r"\b(?:heeft|hebben)\s+(?:\w+\s+){0,4}?(?:bewust\s+|daarom\s+)?niets\s+(?:over\s+\w+\s+)?"
    r"(?:opgenomen|geregeld|vastgelegd|afgesproken)\b",
    re.IGNORECASE,
)


_INDIRECT = re.compile(r"^\W*(?:hoe|of|wat|welke|wanneer|waar)\b[^,;]*,", re.IGNORECASE)


def absence(sentence: str) -> bool:
    """Whether the sentence says that a person, body or arrangement has not been set up ("heeft geen
    vertrouwenspersoon aangewezen") and states no duty: it names a clause without making it."""
    if _ABSENCE.search(sentence) is None:
        return False
    # the rest states no duty; an indirect question before it ("Hoe een vermoeden wordt gemeld, werken PS uit in
    # een afzonderlijke procedure") names what is still to be ruled
    return not _DUTY.search(_INDIRECT.sub(" ", _ABSENCE.sub(" ", sentence)))


# An exemption: "Leden hoeven hun inkomsten niet openbaar te maken", "dat hoef je niet te vertellen", "de
# dijkgraaf hoeft dat niet te doen voor ...", "Raadsleden zijn niet verplicht ..." (up to the end of its
# clause): it lifts a duty, states none.
_EXEMPTION = re.compile(r"(?:\b(?:hoef|hoeft|hoeven|behoeft|behoeven)\b[^.;:]{0,120}?\b(?:niet|geen|niets|niemand)\b|"
                        # "staat het een oud-lid vrij om ..."
                        r"\b(?:staat|staan)\s+(?:het\s+)?(?:[\w-]+\s+){0,3}?vrij\s+om\b|"
                        r"\b(?:wordt|worden)\s+(?:\w+\s+){0,4}?niet\s+(?:gevraagd|verlangd|vereist|verplicht)\b|"
                        r"\b(?:is|zijn)\s+niet\s+(?:verplicht|gehouden)\b|"
                        r"\b(?:schrijft|schrijven)\s+(?:\w+\s+){0,4}?niet\s+voor\b|"
                        r"\b(?:wordt|worden)\s+niet\s+(?:openbaar\s+gemaakt|gepubliceerd|opgevraagd)\b|"
                        r"\b(?:wordt|worden)\s+geen\s+(?:\w+\s+){0,5}?(?:gevraagd|verlangd|vereist)\b|\bgeen\s+(?:wettelijke\s+)?(?:plicht|verplichting)\b|"
                        # "Een verplichting om de inkomsten bekend te maken, bestaat voor Statenleden niet"
                        r"\b(?:plicht|verplichting)\b[^.;:]{0,120}?\b(?:bestaat|geldt)\b[^.;:]{0,60}?\bniet\b)"
                        r"[^.;:,]*", re.IGNORECASE)


def exemption(sentence: str) -> bool:
    """Whether the sentence lifts a duty ("hoeven ... niet") and states none besides."""
    return _EXEMPTION.search(sentence) is not None and not duty(sentence)


# A definition in a begrippen list ("omgangsvormen: de manier waarop ...", "b. geschenk: ..."): it names a
# clause's subject and says nothing about conduct.
_DEFINITION = re.compile(r"^\s*(?:[a-z]{1,2}[.)]\s+)?[a-z][\w\-()’']*(?:\s+[\w\-()’']+){0,4}\s*:\s+\S")
# A referral of the subject to the law or another regulation: "Voor ... wordt verwezen naar artikel 58".
_REGULATION = (r"(?:\w+)?(?:regeling|verordening|protocol|reglement|beleidsregels?|gedragscode|code|besluit(?:en)?|"
               r"gemeentewet|provinciewet|waterschapswet|wolbes)\b"
               r"(?!\s+(?:(?:van|in|uit|bij)\s+)?(?:dit|deze|het\s+vorige|het\s+volgende|artikel|art\.|hoofdstuk|"
               r"paragraaf|onderdeel|het\s+\w+\s+lid)\b)")
# Sent elsewhere: "wordt verwezen naar", "Voor buitenlandse dienstreizen geldt de Regeling dienstreizen 2019",
# "is geregeld in de Verordening rechtspositie", "valt onder het Protocol agressie" (not this code's own
# articles: "geldt de regeling van artikel 5").
_REFERRAL = re.compile(r"\b(?:wordt|worden)\s+verwezen\s+naar\b|\bverwijz(?:en|t)\s+(?:\w+\s+){1,3}?naar\b|"
                       rf"\b(?:geldt|gelden)\s+(?:de|het)\s+(?:[A-Za-z]\w*\s+){{0,2}}?{_REGULATION}|"
                       rf"\b(?:geregeld|vastgelegd|te\s+vinden)\s+in\s+(?:de|het)\s+(?:[A-Za-z]\w*\s+){{0,2}}?{_REGULATION}|"
                       rf"\b(?:is|zijn)\s+(?:de|het)\s+(?:[A-Za-z]\w*\s+){{0,2}}?{_REGULATION}[^.;]{{0,160}}?\bvan\s+toepassing\b|"
                       # "Regels over ... staan in de gedragscode voor Gedeputeerde Staten", "In de code van het college
                       # staat een regel dat ..."
                       rf"\b(?:staat|staan)\s+(?:ook\s+)?in\s+(?:de|het)\s+(?:[A-Za-z]\w*\s+){{0,2}}?{_REGULATION}|"
                       rf"^\W*in\s+(?:de|het)\s+(?:[A-Za-z]\w*\s+){{0,2}}?{_REGULATION}[^.;]{{0,60}}?\b(?:staat|staan)\b|"
                       # "Daarin zijn ook de regels opgenomen over ..." (in the other code just named)
                       r"\b(?:daarin|in\s+die\s+(?:code|regeling|gedragscode))\s+(?:zijn|is|staan|staat)\s+(?:ook\s+)?"
                       r"(?:de\s+)?(?:regels|bepalingen|afspraken)\b|"
                       rf"\b(?:valt|vallen)\s+(?:(?!niet\b)\w+\s+)?onder\s+(?:de|het)\s+(?:[A-Za-z]\w*\s+){{0,2}}?{_REGULATION}|"
                       # "De verklaring omtrent het gedrag volgt rechtstreeks uit de WolBES"
                       r"\b(?:volgt|volgen)\s+(?:\w+\s+){0,2}?uit\s+(?:de\s+)?(?:wet|gemeentewet|provinciewet|waterschapswet|"
                       r"wolbes)\b|\bzie\s+(?:de\s+)?toelichting\b|"
                       # "geldt wat in de Gedragscode algemeen bestuur staat"; the law's own bans "zijn rechtstreeks op
                       # de ambtsdragers van toepassing"; "De Gemeentewet bevat in artikel 41c verboden handelingen ..."
                       r"\b(?:geldt|gelden)\s+wat\s+in\s+(?:de|het)\b|"
                       # another code by its name or by whose it is: "De Gedragscode wethouders Lochemerveld bevat ...",
                       # "hebben Provinciale Staten in hun eigen gedragscode bepaald dat ..."
                       r"^\W*(?-i:De|Het)\s+(?-i:Gedragscode|Code|Regeling|Verordening)\s+[^.;:]{0,60}?(?-i:[A-Z])\w+\s+"
                       r"(?:bevat|kent|regelt|noemt)\b|"
                       r"\bin\s+(?:hun|haar|zijn|de)\s+eigen\s+(?:gedrags)?code\b|"
                       r"\brechtstreeks\s+(?:op\s+(?:\w+\s+){1,3})?van\s+toepassing\b|"
                       r"^\W*(?:de|het)\s+(?:gemeentewet|provinciewet|waterschapswet|wolbes|wet)\s+(?:bevat|noemt|kent|somt)\b",
                       re.IGNORECASE)


def definition(sentence: str) -> bool:
    """Whether the sentence is one entry of a list of definitions ("omgangsvormen: de manier waarop ...")."""
    return _DEFINITION.match(sentence) is not None


# A relative clause that describes what the sentence refers to (", dat door de Commissaris wordt uitgevoerd"):
# its verbs state no duty of the office holders.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:dat|die|wat|waarin|waarbij|waarop|waarmee)\b[^,;]*", re.IGNORECASE)


# Another regulation by its name ("het Protocol agressie en geweld Hazelbeek", "de Regeling dienstreizen 2019"):
# a sentence about it that states no duty sends the reader there.
_NAMED_REGULATION = re.compile(r"\b(?:de|het|De|Het)\s+(?:[A-Z]\w*\s+)?(?:Protocol|Regeling|Verordening|Reglement|"
                               r"Beleidsregels?)\s+(?!van\s+(?:dit|deze)\b)[a-zA-Z]|"
                               # one word: "de Lobbyregeling Gaasterdelta 2024", "het Agressieprotocol 2025"
                               r"\b(?:de|het|De|Het)\s+[A-Z][a-z]{2,}(?:regeling|protocol|verordening|reglement)\s+"
                               r"(?:[A-Z]|\d{4}\b)")


# The condition that opens a sentence ("Wordt u bedreigd, dan ...", "Als u twijfelt, ..."): no duty.
_CONDITION = re.compile(r"^\s*(?:(?:als|indien|wanneer|zodra|of)\b[^,;]*,|(?:wordt|worden|is|zijn|heeft|hebt|krijgt|"
                        r"krijg|word)\b[^,;]*,\s*dan\b)", re.IGNORECASE)


def referral(sentence: str) -> bool:
    """Whether the sentence sends the reader elsewhere for its subject and states no duty itself (in its
    main clauses)."""
    if _REFERRAL.search(sentence) is None and _NAMED_REGULATION.search(sentence) is None:
        return False
    rest = _CONDITION.sub(" ", _RELATIVE_CLAUSE.sub(" ", _REFERRAL.sub(" ", sentence)))
    return not _DUTY.search(_NOMINAL.sub(" ", _INDIRECT_CLAUSE.sub(" ", rest)))


# An indirect question between commas names an act, it asks none: "Voor uw onkosten, en hoe u die declareert,
# geldt de rechtspositieregeling".
_INDIRECT_CLAUSE = re.compile(r",\s*(?:en\s+)?(?:hoe|wanneer|waar|wat|of)\b[^,.;]{0,120},", re.IGNORECASE)


# A verb used as a noun ("Voor het melden van een vermoeden geldt het Protocol"): it names an act, it asks none.
_NOMINAL = re.compile(r"\b(?:het|van\s+het|voor\s+het|bij\s+het|over\s+het)\s+(?:\w+\s+)?[a-z]+en\s+van\b",
                      re.IGNORECASE)


def scope_negation(sentence: str) -> bool:
    """Whether the sentence says what the code does not regulate."""
    return _SCOPE_NEGATION.search(sentence) is not None


def inapplicable(sentence: str) -> bool:
    """Whether the sentence says that something does not apply to the office holders ("De regeling voor
    medewerkers is niet van toepassing op collegeleden"): such a sentence is no evidence of a clause."""
    return _INAPPLICABLE.search(sentence) is not None


def narrative(sentence: str) -> bool:
    """Whether the sentence reports what happened (past tense, perfect with a year)."""
    return _NARRATIVE.search(sentence) is not None


_SUBORDINATE = re.compile(r"\b(?:die|dat|wat|wie|waar\w+|welke|omdat|nadat|zodat|toen|als|indien)\b", re.IGNORECASE)


# What an earlier version said: "Over oud-ambtsdragers stond in de Gedragscode 2019 een artikel."
# What other bodies do: "Sommige provincies vragen hun Statenleden om ...", "Veel gemeenten kennen ..."
_OTHERS_DO = re.compile(r"^\W*(?:sommige|andere|veel|vele|enkele|meeste)\s+(?:\w+\s+)?(?:gemeenten|provincies|"
                        r"waterschappen|codes|gedragscodes|organisaties|overheden)\b", re.IGNORECASE)
_FORMER_TEXT = re.compile(r"\b(?:stond|stonden)\s+(?:\w+\s+){0,3}?in\s+(?:de|het)\s+(?:vorige\s+|oude\s+|eerdere\s+)?"
                          r"(?:versie|gedragscode|code|regeling|reglement)\b", re.IGNORECASE)


def report(sentence: str) -> bool:
    """Whether the sentence only reports what happened ("Het algemeen bestuur heeft in 2024 vastgesteld dat
    zich geen problemen voordoen met ...") and has no wording of a rule. The past must be told before the
    first subordinate clause: "de inkomsten die hij heeft ontvangen" in a rule is no report."""
    if _OTHERS_DO.match(sentence):
        return True
    return (narrative(_SUBORDINATE.split(sentence, maxsplit=1)[0]) or _FORMER_TEXT.search(sentence) is not None) \
        and not duty(sentence)


# The first word of a sentence and what follows it, for the imperative.
_OPENING = re.compile(r"^[^\w]*([^\W\d_]{2,})(?=\s)\s+(\S+)")
# A condition before the imperative: "Als je twijfelt, vraag het de griffier."
_CONDITIONS = frozenset({"als", "wanneer", "indien", "zodra", "voordat", "nadat", "zolang"})
_AFTER_CONDITION = re.compile(r"^[^\w]*\w+\s[^,;:.?]{3,160},\s*([^\W\d_]{2,})(?=\s)\s+(\S+)")
# After a verb's stem, a subject makes a question or a condition ("Heb je ...?", "Krijg je een cadeau, ..."),
# not an imperative.
_SUBJECTS = frozenset({"je", "jij", "u", "ik", "we", "wij", "hij", "zij", "ze", "men", "jullie", "er"})
# Imperatives that point at something rather than ask for an act: a reference ("Zie artikel 3"), an example
# ("Denk aan je baan", "Stel: ..."), a reading aid ("Lees ook ...").
_POINTERS = frozenset({"zie", "lees", "vergelijk", "denk", "stel", "kijk", "neem"})


def _imperative_opening(sentence: str) -> bool:
    """Whether the sentence opens with a verb in the imperative, any verb the dictionary knows ("Vertel het
    de griffier.", "Ga alleen als ...", "Raadpleeg de vertrouwenspersoon."): not a question, not a
    verb with its subject after it ("Heb je ...", "Krijg je ..."), not a label ("Stap 1", "Kenmerk:")."""
    m = _OPENING.match(sentence)
    if m is not None and m.group(1).casefold() in _CONDITIONS:
        m = _AFTER_CONDITION.match(sentence)  # "Als je twijfelt, vraag het de griffier."
        if m is None or sentence.rstrip().endswith("?"):
            return False
    elif m is None or not m.group(1)[0].isupper() or sentence.rstrip().endswith("?"):
        return False
    after = m.group(2)
    if after.lower().strip(",") in _SUBJECTS or not after[0].isalpha() or (len(after) == 1 and after.isupper()):
        return False
    word = unicodedata.normalize("NFKD", m.group(1).casefold())
    return word not in _POINTERS and word.isascii() and imperative(word)


# A verb before "je" inside a sentence, the je-form with the subject after the verb ("Na afloop stuur je een
# verslag", "Een reis maak je alleen met toestemming").
_INVERTED = re.compile(r"(?<=\w)[\s,]+([^\W\d_]{2,})\s+(?:je|jij)\b", re.IGNORECASE)
# Verbs that with "je" after them state a possibility, a state or a right, not an act the code asks for.
_NOT_ACTS = frozenset({"heb", "ben", "kun", "kan", "wil", "zal", "word", "weet", "krijg", "zie", "vind", "denk",
                       "lees", "hoor", "ken", "blijk", "merk", "twijfel", "voel", "kom", "sta", "zit", "lig"})


def _inverted_je(sentence: str) -> bool:
    """Whether a verb in the je-form stands before its subject inside a sentence that is no question ("Na
    afloop stuur je een verslag naar de griffie."): in a code in plain language that states what you do."""
    return _act_beside_subject(_INVERTED, sentence)


# The first person singular of a code its office holder speaks ("Elke functie meld ik bij de griffier", "Ik
# behandel iedereen met respect"): like "wij", a commitment when it is in the present tense.
_FIRST_PERSON = re.compile(r"\bik\s+([^\W\d_]{2,})\b|\b([^\W\d_]{2,})\s+ik\b", re.IGNORECASE)


def _first_person(sentence: str) -> bool:
    """Whether the sentence commits its speaker to an act in the first person singular, present tense."""
    return _act_beside_subject(_FIRST_PERSON, sentence)


def _act_beside_subject(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether ``pattern`` finds, in a sentence that is no question, a verb's bare stem beside its subject
    (the group that matched) that asks for an act: not "heb", "kan", "weet" and the like (``_NOT_ACTS``)."""
    if sentence.rstrip().endswith("?"):
        return False
    for m in pattern.finditer(sentence):
        word = unicodedata.normalize("NFKD", next(g for g in m.groups() if g).casefold())
        if word not in _NOT_ACTS and word.isascii() and imperative(word):
            return True
    return False


# A permission granted in answer ("Ja, dat mag.", "Dat mag, over de inhoud."): no rule, unless limited.
_PERMISSION = re.compile(r"^\W*(?:(?:a|antwoord)\s*[:.]\s*)?(?:ja\s*[,.]\s*)?(?:dat|het)\s+mag\b"
                         r"(?!\s+(?:niet|geen|alleen|pas|slechts|nooit|uitsluitend|enkel)\b)(?:\s*[,.]|\s*$)",
                         re.IGNORECASE)


def command(sentence: str) -> bool:
    """Whether the sentence is an instruction in the imperative ("Meld al je functies ...", "Stem niet mee over
    ..."): the plain-language form of a rule."""
    return _imperative_opening(_EXEMPTION.sub(" ", sentence)) and not scope_negation(sentence)


def duty(sentence: str) -> bool:
    """Whether the sentence has the wording of a rule: a present-tense obligation, ban or required act,
    an imperative, or a commitment in the first person plural (not told in the past); never a scope
    negation."""
    if scope_negation(sentence) or _PERMISSION.match(sentence):
        return False
    lifted = _EXEMPTION.sub(" ", sentence)
    if _DUTY.search(lifted) or _imperative_opening(lifted) or _inverted_je(lifted):
        return True
    if _first_person(lifted) and not narrative(sentence) and _OPINION_I.search(sentence) is None:
        return True
    return (_WE.search(sentence) is not None and not narrative(sentence) and not sentence.rstrip().endswith("?")
            and _OPINION.search(sentence) is None)


@dataclass(frozen=True)
class Evidence:
    """Counts of the sentences of a paragraph by kind (``narrative``: reports that state no duty)."""

    sentences: int
    duties: int
    narrative: int
    negations: int
    explicit: int = 0  # duties in the wording of legal drafting (not only a commitment with "wij")
    referrals: int = 0  # sentences that send the reader to another regulation
    statements: int = 0  # sentences of four words or more (not a page number or a footnote mark)

    @property
    def rule(self) -> bool:
        """A paragraph that states rules: at least one duty, no scope negation, not mostly a report."""
        return self.duties >= 1 and self.negations == 0 and self.narrative <= self.duties

    @property
    def strong_rule(self) -> bool:
        """A paragraph that is plainly a rule even where nothing declares it one: at least two sentences, and
        at least half of them, in the wording of legal drafting."""
        return self.rule and self.explicit * 2 >= self.sentences and self.explicit >= 2

    @property
    def exclusion(self) -> bool:
        """A paragraph that says what the code leaves out and holds no rule besides: its negations are at
        least half of what it says (an article that states what is public and then, in a footnote a PDF
        put after it, what the code leaves out, stays a provision)."""
        return self.negations >= 1 and self.duties == 0 and (self.negations + self.referrals) * 2 >= self.statements


def paragraph_evidence(text: str) -> Evidence:
    """The evidence of one paragraph (see the module docstring)."""
    parts = sentences(text)
    duties = [duty(s) for s in parts]
    return Evidence(
        sentences=len(parts),
        duties=sum(duties),
        narrative=sum(1 for s, d in zip(parts, duties, strict=True) if not d and narrative(s)),
        negations=sum(1 for s in parts if scope_negation(s) or exemption(s)),
        explicit=sum(1 for s, d in zip(parts, duties, strict=True) if d and _DUTY.search(s)),
        referrals=sum(1 for s in parts if referral(s)),
        statements=sum(1 for s in parts if len(s.split()) >= 4),
    )
