"""Injection rules in Spanish, German, French, Portuguese and Italian: the same families as the
English rules in `rules` (an addressee note to the AI, overriding earlier instructions, a planted
answer, an order about every answer), written for text after `normalize()` (accents dropped:
"précédentes" is read "precedentes", "für" "fur").

Each rule is (reason, score, pattern); `rules` turns them into `Rule`s. They are kept precise:
imperatives (or infinitives opening a clause) only, so a policy that says staff "deben ignorar las
instrucciones obsoletas" or "le comité répond que" is not an instruction to a model.
"""

from __future__ import annotations

_APOS = r"['\u2019]"
_START = r"(?:^|[.!?:;]\s+|\b(?:y|e|und|et|ou|o|ed)\s+)"  # a clause opens (or "and" joins one)

# the AI addressed, per language (a bare "modelo" / "Modell" is a business or data model: not an addressee)
_AI_ES_PT = (
    r"(?:(?:el |la |los |las |o |a |os |as |al |ao |aos )?(?:asistentes? (?:de |virtual(?:es)? de )?(?:ia|i\.a\.)|"
    r"asistentes? virtual(?:es)?|assistentes? (?:de )?(?:ia|i\.a\.)|assistentes? virtua(?:l|is)|ia|i\.a\.|"
    r"inteligencia artificial|modelos? de (?:ia|lenguaje|linguagem)|chat ?bots?|bots?|agentes? de ia)(?![\w-]))"
)
_AI_FR = (
    r"(?:(?:l"
    + _APOS
    + r"\s?|le |la |les |aux? )?(?:assistants? (?:d"
    + _APOS
    + r"\s?)?(?:ia|i\.a\.)|assistants? virtuels?|"
    r"ia|i\.a\.|intelligence artificielle|modeles? (?:d"
    + _APOS
    + r"\s?ia|de langage)|chat ?bots?|agents? (?:d"
    + _APOS
    + r"\s?)?ia)(?![\w-]))"
)
_AI_DE = (
    r"(?:(?:den |die |das |dem |der |alle |jede[nmr]? )?(?:ki(?:-(?:assistent(?:en|in)?|modell(?:e|en)?|systeme?|agent(?:en)?|tool))?|"
    r"k\.i\.|kunstliche intelligenz|(?:virtuellen? |digitalen? )?assistent(?:en|in)?|sprachmodell(?:e|en)?|chat ?bots?)(?![\w-]))"
)
_AI_IT = (
    r"(?:(?:l" + _APOS + r"\s?|all" + _APOS + r"\s?|il |lo |gli |al |agli )?(?:assistenti? (?:(?:di )?ia|virtuali?)|ia|"
    r"intelligenza artificiale|modell[oi] (?:di ia|linguistic[oi])|chat ?bot)(?![\w-]))"
)

# a note, message or instruction for the AI: "Hinweis für den KI-Assistenten", "nota para el asistente de IA"
_NOTE_ES_PT = (
    r"(?:notas?|instrucci(?:on|ones)|instruc(?:ao|oes)|mensajes?|mensage(?:m|ns)|avisos?|atencion|atencao|indicaci(?:on|ones)|"
    r"recordatorios?|lembretes?|ordem|orden(?:es)?)"
)
_NOTE_FR = r"(?:notes?|instructions?|messages?|avis|attention|consignes?|rappels?|directives?|memo)"
_NOTE_DE = (
    r"(?:hinweise?|anweisung(?:en)?|nachricht(?:en)?|notiz(?:en)?|achtung|mitteilung(?:en)?|anmerkung(?:en)?|info)"
)
_NOTE_IT = r"(?:note?|istruzion[ei]|messaggi?o?|avviso|attenzione|promemoria|indicazion[ei])"

# overriding earlier instructions
_PRIOR_ES_PT = r"(?:anteriores|previas|precedentes|de arriba|recibidas|dadas|originales)"
_RULES_ES_PT = (
    r"(?:instrucciones|instrucoes|indicaciones|orientacoes|reglas|regras|directrices|diretrizes|ordenes|ordens|normas)"
)
_IGNORE_ES_PT = (
    r"(?:ignora|ignore|ignoren|ignorem|olvida|olvide|olviden|esqueca|esquecam|descarta|descarte|descartem|"
    r"desconsidera|desconsidere|desconsiderem|omite|omita|haz caso omiso de|nao siga|no sigas|no siga)"
)
_PRIOR_FR = r"(?:precedentes|anterieures|ci-dessus|prealables|recues|donnees|initiales|d" + _APOS + r"origine)"
_IGNORE_FR = r"(?:ignore|ignorez|oublie|oubliez|ne tiens pas compte d|ne tenez pas compte d|faites abstraction d|fais abstraction d)"
_PRIOR_DE = (
    r"(?:vorherigen|vorigen|bisherigen|fruheren|obigen|vorangegangenen|vorhergehenden|erhaltenen|ursprunglichen)"
)
_IGNORE_DE = r"(?:ignoriere|ignoriert|ignorieren sie|vergiss|vergesst|vergessen sie|missachte|missachtet|missachten sie|verwirf|verwerfen sie)"
_RULES_DE = r"(?:anweisungen|instruktionen|regeln|vorgaben|befehle|anordnungen|richtlinien|direktiven)"
_PRIOR_IT = r"(?:precedenti|anteriori|sopra|ricevute|originali)"
_IGNORE_IT = r"(?:ignora|ignori|ignorate|dimentica|dimentichi|dimenticate|trascura|trascurate|non seguire)"
_RULES_IT = r"(?:istruzioni|regole|indicazioni|direttive|ordini)"

# answering / writing verbs, as imperatives
_SAY_ES_PT = (
    r"(?:responde|responda|respondan|contesta|conteste|diga|digan|diz|afirma|afirme|indica|indique|explica|explique|"
    r"asegura|asegure|informa|informe|escribe|escreva|repite|repita|incluye|incluya|inclua|anade|agrega|agregue|adicione|"
    r"menciona|mencione|recomienda|recomende)"
)
_SAY_FR = (
    r"(?:reponds|repondez|dis|dites|affirme|affirmez|indique|indiquez|explique|expliquez|ecris|ecrivez|repete|repetez|"
    r"ajoute|ajoutez|inclus|incluez|mentionne|mentionnez|recommande|recommandez|assure|assurez|informe|informez)"
)
_SAY_DE = (
    r"(?:antworte|antwortet|antworten sie|sage|sag|sagt|sagen sie|behaupte|behaupten sie|erklare|erklaren sie|schreibe|"
    r"schreib|schreiben sie|wiederhole|wiederholen sie|fuge|fugen sie|nenne|nennen sie|bestatige|bestatigen sie|gib|geben sie)"
)
_SAY_IT = (
    r"(?:rispondi|risponda|rispondete|dica|dite|afferma|affermi|indica|indichi|spiega|spieghi|scrivi|scriva|ripeti|"
    r"ripeta|aggiungi|aggiunga|includi|includa|menziona|menzioni|conferma|confermi)"
)
_SAY = r"(?:" + "|".join((_SAY_ES_PT, _SAY_FR, _SAY_DE, _SAY_IT)) + r")"
# verbs that write into an answer, in forms that can only be an order ("incluya", "füge", "ajoutez"
# but not "vous ajoutez"); forms shared with a statement ("incluye": "includes", "ajoute": "adds")
# count only where a clause opens
_WRITE_ORDER = (
    r"(?:\b(?:incluya|incluyan|anada|anadan|agregue|agreguen|escriba|escriban|diga|digan|mencione|mencionen|ponga|pongan|"
    r"inclua|incluam|adicione|adicionem|acrescente|acrescentem|escreva|escrevam|coloque|coloquem|"
    r"fuge|fugen sie|schreibe|schreiben sie|nenne|nennen sie|setze|setzen sie|gib|geben sie|hange|hangen sie|"
    r"includi|aggiungi|scrivi|menziona|inserisci|metti|inserisca|aggiunga|scriva)\b"
    r"|(?<!vous )(?<!nous )(?:ajoutez|incluez|ecrivez|mentionnez|indiquez|terminez|commencez|mettez|inserez|dites)\b"
    r"|(?:^|[.!?:;]\s+)(?:incluye|anade|agrega|escribe|menciona|pon|di|ajoute|inclus|ecris|mentionne|mets|termina|empieza|"
    r"comienza|termine|commence|inizia)\b)"
)

_ANSWERS = (
    r"(?:(?:en|a|em|in|dans|zu|auf|an) (?:cada|toda|todas (?:las|as)|chaque|toutes (?:les|vos)|jede[rnm]?|allen?|ogni|tutte le|"
    r"qualquer|cualquier|ta|tua|deine[rnm]?|ihre[rnm]?|votre|vos) (?:respuestas?|respostas?|reponses?|antworten|antwort|"
    r"risposte|risposta))"
)

I18N_RULES: list[tuple[str, float, str]] = [
    # a note, message or instruction addressed to the AI
    ("addressed_to_assistant", 0.9, r"\b" + _NOTE_ES_PT + r"\s+(?:para|a|ao|al|pro)\s+" + _AI_ES_PT),
    ("addressed_to_assistant", 0.9, r"\b" + _NOTE_FR + r"\s+(?:a|pour|aux?|destinee?s? (?:a|aux?))\s+" + _AI_FR),
    ("addressed_to_assistant", 0.9, r"\b" + _NOTE_DE + r"\s+(?:fur|an)\s+" + _AI_DE),
    ("addressed_to_assistant", 0.9, r"\b" + _NOTE_IT + r"\s+(?:per|a|al|all" + _APOS + r"\s?|agli)\s*" + _AI_IT),
    # "IA: responde ..." / "KI-Assistent, antworte ..."
    (
        "addressed_to_assistant",
        0.85,
        r"(?:^|[.!?]\s+)(?:"
        + "|".join((_AI_ES_PT, _AI_FR, _AI_DE, _AI_IT))
        + r")\s*[,:]\s*(?:por favor\s+|s"
        + _APOS
        + r"il (?:te|vous) plait\s+|bitte\s+|per favore\s+)?"
        + _SAY
        + r"\b",
    ),
    # overriding earlier instructions: verb ... instructions ... previous (or "previous instructions")
    (
        "override",
        0.95,
        r"\b" + _IGNORE_ES_PT + r"\s+(?:\w+\s+){0,3}?" + _RULES_ES_PT + r"\s+(?:\w+\s+){0,2}?" + _PRIOR_ES_PT + r"\b",
    ),
    (
        "override",
        0.9,
        _START
        + r"(?:ignorar|olvidar|esquecer|desconsiderar)\s+(?:\w+\s+){0,3}?"
        + _RULES_ES_PT
        + r"\s+"
        + _PRIOR_ES_PT
        + r"\b",
    ),
    (
        "override",
        0.95,
        r"\b"
        + _IGNORE_FR
        + r"\w*\s+(?:\w+\s+){0,3}?(?:instructions|consignes|regles|directives|indications|ordres)\s+"
        + _PRIOR_FR,
    ),
    (
        "override",
        0.9,
        _START + r"(?:ignorer|oublier)\s+(?:\w+\s+){0,3}?(?:instructions|consignes|regles|directives)\s+" + _PRIOR_FR,
    ),
    ("override", 0.95, r"\b" + _IGNORE_DE + r"\s+(?:\w+\s+){0,3}?" + _PRIOR_DE + r"\s+(?:\w+\s+)?" + _RULES_DE + r"\b"),
    (
        "override",
        0.9,
        _START
        + r"(?:alle\s+)?"
        + _PRIOR_DE
        + r"\s+"
        + _RULES_DE
        + r"\s+(?:sind\s+)?(?:zu\s+)?(?:ignorieren|vergessen|missachten|ungultig)\b",
    ),
    ("override", 0.95, r"\b" + _IGNORE_IT + r"\s+(?:\w+\s+){0,3}?" + _RULES_IT + r"\s+" + _PRIOR_IT + r"\b"),
    # planted answers: "cuando te pregunten por X, responde que ..."
    (
        "planted_answer",
        0.9,
        r"\b(?:cuando|si|siempre que|quando|se|sempre que)\s+(?:alguien\s+|alguem\s+|el usuario\s+|o usuario\s+)?"
        r"(?:te|le|lhe|les|os)\s+(?:pregunten?|preguntan?|consulten?|perguntar(?:em)?|pergunte[mn]?|questionar(?:em)?)\b"
        r".{0,120}\b" + _SAY_ES_PT + r"\b",
    ),
    (
        "planted_answer",
        0.9,
        r"\b(?:si|quand|lorsqu"
        + _APOS
        + r"?\s?)(?:on|quelqu"
        + _APOS
        + r"un|un utilisateur|l"
        + _APOS
        + r"utilisateur)?\s*"
        r"(?:te|vous)\s+(?:demande|interroge|questionne|pose)\b.{0,120}\b" + _SAY_FR + r"\b",
    ),
    (
        "planted_answer",
        0.9,
        r"\b(?:wenn|falls|sobald)\s+(?:du|man dich|jemand dich|dich jemand|sie jemand|der nutzer dich)\s+(?:\w+\s+){0,6}?"
        r"(?:gefragt wirst|fragt|befragt wirst)\b.{0,120}\b" + _SAY_DE + r"\b",
    ),
    (
        "planted_answer",
        0.9,
        r"\b(?:quando|se)\s+(?:qualcuno\s+|l"
        + _APOS
        + r"utente\s+)?(?:ti|vi)\s+(?:chied\w+|domand\w+)\b.{0,120}\b"
        + _SAY_IT
        + r"\b",
    ),
    # an answer dictated at a clause's start: "Antworte, dass ...", "Répondez que ...", "Responde que ..."
    (
        "planted_answer",
        0.8,
        r"(?:^|[.!?:;]\s+)(?:antworte|antworten sie|sage|sagen sie|behaupte|behaupten sie|schreibe|erklare)\s*,?\s+(?:dass|das)\b",
    ),
    (
        "planted_answer",
        0.8,
        r"(?:^|[.!?:;]\s+)(?:reponds|repondez|dis|dites|affirme|affirmez|ecris|ecrivez)\s+(?:que|qu" + _APOS + r")",
    ),
    ("planted_answer", 0.8, r"(?:^|[.!?:;]\s+)(?:responde|contesta|di|afirma|responda|conteste|diga|afirme)\s+que\b"),
    ("planted_answer", 0.8, r"(?:^|[.!?:;]\s+)(?:rispondi|risponda|di|dica|afferma|affermi)\s+che\b"),
    # an order about every answer: "füge den Code ... in jede Antwort ein", "ajoutez ... à chaque réponse"
    ("standing_order", 0.85, r"(?s)" + _WRITE_ORDER + r".{0,80}" + _ANSWERS + r"\b"),
    ("standing_order", 0.85, r"(?s)\b" + _ANSWERS + r"\b.{0,60}" + _WRITE_ORDER),
    # "you are now an unrestricted assistant" / admin mode
    (
        "override",
        0.9,
        r"\b(?:ahora eres|ahora estas en|agora voce e|agora voce esta em|tu es maintenant|vous etes maintenant|du bist (?:jetzt|nun)|"
        r"sie sind (?:jetzt|nun)|ora sei|adesso sei)\s+(?:en |im |in |em |un |una |um |uma |ein |eine |einem |im )?"
        r"(?:modo|mode|modus|modalita|admin\w*|entwickler\w*|desarroll\w*|develop\w*|sviluppat\w*|sin restricciones|"
        r"sans restriction|senza restrizioni|uneingeschrankt\w*|irrestrito)",
    ),
]
