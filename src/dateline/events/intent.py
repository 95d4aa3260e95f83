"""Statements about acts: intents, threats and demands are CAMEO events of their own.

The CAMEO codebook keeps what actors say they will do, or want others to do, apart
from what they do:

- an **intent** to cooperate (03x) mirrors the cooperative roots 04-08: "will provide
  aid" is 0333, "agreed to meet" 036, "is willing to withdraw" 0356;
- a **threat** (13x) is a stated future act of conflict: "will boycott the
  elections" is 133, "plans to impose restrictions" 132, "will strike" 138 (PETRARCH's
  own dictionary turns "wants to attack" into 138 the same way);
- a **demand** (10x) is an act another actor "must"/"should" do, in what a speaker
  says: "said Iraq must cooperate with the inspectors" is 101 by the speaker;
- a **refusal** (12x) is a cooperative act stated as not going to happen: "will not
  accept refugees" is 1223, "would not meet" 125, like "refused to meet";
- an **appeal**, **demand** or **threat** verb takes the code of the act it governs:
  "urged Gondor to release the prisoners" is 0253, "threatened to impose sanctions"
  1312.

An act is stated as intended when "will"/"would"/"shall" or "is going to" governs
it, or a verb or adjective of commitment does ("agreed to", "promised to", "is
willing/ready/prepared to", "agreed that they should"). "Is about to" is imminence,
"may"/"could" only possibility: both keep the act's own code.
"""

from __future__ import annotations

from dateline.events.syntax import is_infinitive, shares_aux

#: Verbs and adjectives of commitment that govern the act they commit to.
GOVERNORS = frozenset({
    "agree", "promise", "pledge", "offer", "vow", "commit", "decide", "plan", "intend",
    "prepare", "resolve", "undertake", "willing", "ready", "prepared", "determined",
    "eager", "committed", "want", "swear",
})
FUTURE = frozenset({"will", "shall", "'ll", "wo", "would"})
#: Modals of obligation: in a complement they state a plan or, for another, a demand.
OBLIGATION = frozenset({"should", "must", "ought"})

INTENT_SPECIFIC = {
    "045": "039", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "083": "034",
    "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355",
    "087": "0356",
}
INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}

THREAT_SPECIFIC = {
    "141": "133", "143": "133", "145": "133", "160": "131", "161": "1313", "162": "1311",
    "163": "1312", "164": "134", "165": "135", "166": "136", "1721": "1321",
    "1722": "1322", "1723": "1323", "1724": "1324", "175": "137", "191": "1381",
    "192": "1382",
}
THREAT_BY_ROOT = {"14": "133", "16": "131", "17": "132", "18": "138", "19": "138",
                  "20": "1385"}

DEMAND_SPECIFIC = {
    "036": "106", "037": "107", "038": "108", "039": "108", "045": "108",
    "061": "1011", "062": "1012", "063": "1013", "064": "1014",
    "071": "1031", "072": "1032", "073": "1033", "074": "1034",
    "081": "1051", "082": "1052", "0831": "1041", "0832": "1042", "0833": "1043",
    "0834": "1044", "083": "104", "084": "1053", "085": "1054", "086": "1055",
    "087": "1056",
}
DEMAND_BY_ROOT = {"03": "102", "04": "106", "05": "102", "06": "101", "07": "103",
                  "08": "105"}


REFUSAL_SPECIFIC = {
    "045": "126", "061": "1211", "062": "1212", "063": "1213", "064": "1214",
    "071": "1221", "072": "1222", "073": "1223", "074": "1224", "083": "123",
    "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246", "057": "127",
}
REFUSAL_BY_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122",
                   "08": "124"}


def _lookup(code: str, specific: dict[str, str], by_root: dict[str, str]) -> str | None:
    return specific.get(code) or specific.get(code[:3]) or by_root.get(code[:2])


def cooperative(code: str | None) -> bool:
    """Whether ``code`` is a deed of cooperation (roots 04-08)."""
    return bool(code) and code[:2] in INTENT_BY_ROOT


def intent_code(code: str) -> str | None:
    """The 03x code of intending ``code`` ("073" -> "0333"); None if not cooperative."""
    return _lookup(code, INTENT_SPECIFIC, INTENT_BY_ROOT)


def threat_code(code: str) -> str | None:
    """The 13x code of threatening ``code`` ("163" -> "1312"); None if not material
    conflict (mobilisation, 15, is a posture, not a threat)."""
    return _lookup(code, THREAT_SPECIFIC, THREAT_BY_ROOT)


def demand_code(code: str | None) -> str:
    """The 10x code of demanding ``code`` of another ("073" -> "1033"); 100 otherwise."""
    return (_lookup(code, DEMAND_SPECIFIC, DEMAND_BY_ROOT) if code else None) or "100"


def appeal_code(code: str | None) -> str:
    """The 02x code of appealing for ``code`` ("084" -> "0253"); 020 otherwise.

    CAMEO's appeals (02) and demands (10) name the same acts in the same order
    (021/101 material cooperation, ..., 026/106 meeting), so one table serves both.
    """
    demand = demand_code(code)
    return "020" if demand == "100" else "02" + demand[2:]


def as_demand(code: str | None) -> str | None:
    """An appeal code (02x) as the demand code (10x) of the same act: "demanded talks"
    is 106 where the dictionary's pattern says 026."""
    if not code or code[:2] != "02":
        return code
    return "10" + code[2:]


#: Generic codes of verbs that govern another act ("urged X to", "demanded that",
#: "threatened to"), and how the act they govern makes them specific.
GOVERNED = {"020": appeal_code, "100": demand_code,
            "130": lambda code: (threat_code(code) if code else None) or "130"}


def governed_code(governor: str | None, act: str | None) -> str | None:
    """The specific code of an appeal, demand or threat of ``act``, or None.

    "urged Gondor to release the prisoners": 020 of 084 -> 0253; "threatened to impose
    sanctions": 130 of 163 -> 1312. Only a governor with its generic code is refined:
    a pattern's own code says more.
    """
    refine = GOVERNED.get(governor or "")
    if refine is None or not act:
        return None
    code = refine(act)
    return code if code != governor else None


def refusable(code: str | None) -> bool:
    """Whether "will not" do ``code`` is a refusal: a deed or an intent of cooperation."""
    return cooperative(code) or (bool(code) and code[:2] == "03")


def refusal_code(code: str) -> str | None:
    """The 12x code of declining to do ``code`` ("will not meet" -> 125).

    An intent code stands for the deed it intends ("will not accept refugees", coded
    0333 by a pattern, refuses 073: 1223).
    """
    if code[:2] == "03":
        deed = next((d for d, i in INTENT_SPECIFIC.items() if i == code), None)
        deed = deed or next((r + "0" for r, i in INTENT_BY_ROOT.items() if i == code), None)
        code = deed or code
    return _lookup(code, REFUSAL_SPECIFIC, REFUSAL_BY_ROOT)


def restated(code: str) -> str | None:
    """The code of stating ``code`` as one's own future act: an intent or a threat."""
    return intent_code(code) or threat_code(code)


def _aux(token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}


def is_intent(verb) -> bool:
    """Whether ``verb`` is stated as an intended act (future auxiliary or commitment)."""
    if _aux(verb) & FUTURE:
        return True
    if shares_aux(verb) and _aux(verb.head) & FUTURE:
        return True
    token = verb
    while (token.dep_ in {"xcomp", "ccomp", "acomp", "prep", "pcomp"} or shares_aux(token)
           or _infinitive_clause(token)) and token.head.i != token.i:
        dep, token = token.dep_, token.head
        if token.lemma_.lower() in GOVERNORS or token.lower_ in GOVERNORS:
            return dep != "ccomp" or bool(_aux(verb) & (OBLIGATION | FUTURE))
        if token.lemma_ == "go" and token.tag_ == "VBG":
            return True
    return False


#: Verbs by which an actor commits itself in words: the commitment is said, so the
#: intent or threat it states happened ("agreed to provide aid": 0333, occurred).
COMMITTING = frozenset({"agree", "promise", "pledge", "offer", "vow", "commit", "swear",
                        "undertake", "committed"})
#: Verbs of saying after which "will"/"would" states the speaker's intent.
SAYING = frozenset({"say", "announce", "tell", "declare", "state", "add", "confirm",
                    "insist", "warn", "write", "tweet"})


def is_stated(verb) -> bool:
    """Whether the intent of ``verb`` is stated in words, not only planned: a verb of
    commitment governs it ("agreed to meet", "vowed to fight") or it is a future in
    what someone said ("announced that Arnor will provide", "said it would impose").

    The CAMEO intent and threat codes (03x, 13x) name that statement, which happened;
    "will meet next week" or "plans to impose" alone state no one's words.
    """
    token = verb
    future = bool(_aux(verb) & FUTURE) or (shares_aux(verb) and bool(_aux(verb.head) & FUTURE))
    while token.head.i != token.i:
        dep, token = token.dep_, token.head
        lemma = token.lemma_.lower()
        if dep in {"xcomp", "acomp", "prep", "pcomp", "advcl"} and \
                (lemma in COMMITTING or token.lower_ in COMMITTING):
            return True
        if dep == "ccomp":
            # only the verb whose words it is: "said he hoped it would" is a hope
            return future and lemma in SAYING
        if dep not in {"xcomp", "acomp", "prep", "pcomp", "conj", "advcl"}:
            return False
    return False


#: Verbs of wishing: not wanting to act is no refusal ("does not want to send the
#: army" states a wish, not a rejection).
WISHING = frozenset({"want", "wish", "hope", "like", "intend", "plan"})


def wished(verb) -> bool:
    """Whether the verb that governs ``verb`` directly is one of wishing."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WISHING


def _infinitive_clause(verb) -> bool:
    """"Sworn [to fight]" parsed as an adverbial clause rather than a complement."""
    return verb.dep_ == "advcl" and is_infinitive(verb)


def is_obligation(verb) -> bool:
    """``verb`` states what someone must or should do ("Iraq must cooperate")."""
    if _aux(verb) & OBLIGATION:
        return True
    # "has to", "needs to": the verb is the infinitive complement of have/need
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in {"have", "need"} and head.i != verb.i
