"""Hand-written dependency parses (UD style) for rule tests that need no model.

Each row is "FORM LEMMA UPOS HEAD DEPREL"; ``doc`` turns rows into a
``ParsedDoc`` over the given text by way of CoNLL-U, so the tests exercise the
same reader users get from ``quotes parse``.
"""

from __future__ import annotations

from quotes.core.conllu import from_conllu
from quotes.core.parsed import ParsedDoc


def conllu(rows: str) -> str:
    """CoNLL-U for one sentence given as whitespace-separated "FORM LEMMA UPOS HEAD DEPREL [XPOS]" lines."""
    lines = []
    for i, row in enumerate(r for r in rows.strip().splitlines() if r.strip()):
        form, lemma, upos, head, deprel, *rest = row.split()
        xpos = rest[0] if rest else "_"
        feats = "Polarity=Neg" if lemma == "not" else "_"
        lines.append("\t".join([str(i + 1), form, lemma, upos, xpos, feats, head, deprel, "_", "_"]))
    return "\n".join(lines) + "\n"


def doc(text: str, *sentences: str) -> ParsedDoc:
    """A parsed document over ``text`` from one row block per sentence."""
    return from_conllu(text, "\n".join(conllu(s) for s in sentences))


SAID_THAT = (
    "Kang said on Thursday that the government was considering it.",
    """
    Kang Kang PROPN 2 nsubj
    said say VERB 0 root
    on on ADP 4 case
    Thursday Thursday PROPN 2 obl
    that that SCONJ 9 mark
    the the DET 7 det
    government government NOUN 9 nsubj
    was be AUX 9 aux
    considering consider VERB 2 ccomp
    it it PRON 9 obj
    . . PUNCT 2 punct
    """,
)

SAID_THAT_ADVCL = (
    "Kang said on Thursday that the government was considering it.",
    SAID_THAT[1].replace("considering consider VERB 2 ccomp", "considering consider VERB 2 advcl"),
)

FINAL_REPORTED = (
    "The summit collapsed over demands, AP reported.",
    """
    The the DET 2 det
    summit summit NOUN 3 nsubj
    collapsed collapse VERB 0 root
    over over ADP 5 case
    demands demand NOUN 3 obl
    , , PUNCT 8 punct
    AP AP PROPN 8 nsubj
    reported report VERB 3 parataxis
    . . PUNCT 3 punct
    """,
)

INVERTED = (
    '"We will win," said Smith.',
    """
    " " PUNCT 4 punct
    We we PRON 4 nsubj
    will will AUX 4 aux
    win win VERB 7 ccomp
    , , PUNCT 4 punct
    " " PUNCT 4 punct
    said say VERB 0 root
    Smith Smith PROPN 7 nsubj
    . . PUNCT 7 punct
    """,
)

INTERRUPTED = (
    '"We will win," he said, "and soon."',
    """
    " " PUNCT 4 punct
    We we PRON 4 nsubj
    will will AUX 4 aux
    win win VERB 0 root
    , , PUNCT 4 punct
    " " PUNCT 4 punct
    he he PRON 8 nsubj
    said say VERB 4 parataxis
    , , PUNCT 8 punct
    " " PUNCT 12 punct
    and and CCONJ 12 cc
    soon soon ADV 4 advmod
    . . PUNCT 4 punct
    " " PUNCT 4 punct
    """,
)

ACCORDING_TO = (
    "According to officials, the talks failed.",
    """
    According accord VERB 3 case
    to to ADP 1 fixed
    officials official NOUN 7 obl
    , , PUNCT 3 punct
    the the DET 6 det
    talks talk NOUN 7 nsubj
    failed fail VERB 0 root
    . . PUNCT 7 punct
    """,
)

RELATIVE = (
    "Putin, who met Kim, said they discussed the issue.",
    """
    Putin Putin PROPN 7 nsubj
    , , PUNCT 4 punct
    who who PRON 4 nsubj
    met meet VERB 1 acl:relcl
    Kim Kim PROPN 4 obj
    , , PUNCT 4 punct
    said say VERB 0 root
    they they PRON 9 nsubj
    discussed discuss VERB 7 ccomp
    the the DET 11 det
    issue issue NOUN 9 obj
    . . PUNCT 7 punct
    """,
)

PASSIVE_IT = (
    "It was reported that the talks failed.",
    """
    It it PRON 3 expl
    was be AUX 3 aux:pass
    reported report VERB 0 root
    that that SCONJ 7 mark
    the the DET 6 det
    talks talk NOUN 7 nsubj
    failed fail VERB 3 csubj:pass
    . . PUNCT 3 punct
    """,
)

SAW_WARN = (
    "The comments saw Choe warn the US against suggesting it.",
    """
    The the DET 2 det
    comments comment NOUN 3 nsubj
    saw see VERB 0 root
    Choe Choe PROPN 3 obj
    warn warn VERB 3 xcomp
    the the DET 7 det
    US US PROPN 5 obj
    against against SCONJ 9 mark
    suggesting suggest VERB 5 advcl
    it it PRON 9 obj
    . . PUNCT 3 punct
    """,
)

NEGATED_WH = (
    "He did not say what that would be.",
    """
    He he PRON 4 nsubj
    did do AUX 4 aux
    not not PART 4 advmod
    say say VERB 0 root
    what what PRON 4 ccomp
    that that PRON 8 nsubj
    would would AUX 8 aux
    be be AUX 5 acl:relcl
    . . PUNCT 4 punct
    """,
)

QUOTED_AS_SAYING = (
    "Smith is quoted as saying the plan works.",
    """
    Smith Smith PROPN 3 nsubj:pass
    is be AUX 3 aux:pass
    quoted quote VERB 0 root
    as as SCONJ 5 mark
    saying say VERB 3 advcl
    the the DET 7 det
    plan plan NOUN 8 nsubj
    works work VERB 5 ccomp
    . . PUNCT 3 punct
    """,
)

NOUN_CLAIM = (
    "Smith's claim that taxes fell was wrong.",
    """
    Smith Smith PROPN 3 nmod:poss
    's 's PART 1 case
    claim claim NOUN 8 nsubj
    that that SCONJ 6 mark
    taxes tax NOUN 6 nsubj
    fell fall VERB 3 acl
    was be AUX 8 cop
    wrong wrong ADJ 0 root
    . . PUNCT 8 punct
    """,
)

ASKED_FOR_HELP = (
    "Kim asked for his help.",
    """
    Kim Kim PROPN 2 nsubj
    asked ask VERB 0 root
    for for ADP 5 case
    his his PRON 5 nmod:poss
    help help NOUN 2 obl
    . . PUNCT 2 punct
    """,
)

HE_ADDED = (
    "He added that trade is small.",
    """
    He he PRON 2 nsubj
    added add VERB 0 root
    that that SCONJ 6 mark
    trade trade NOUN 6 nsubj
    is be AUX 6 cop
    small small ADJ 2 ccomp
    . . PUNCT 2 punct
    """,
)

PUTIN_SAID = (
    "Vladimir Putin said they met.",
    """
    Vladimir Vladimir PROPN 3 nsubj
    Putin Putin PROPN 1 flat
    said say VERB 0 root
    they they PRON 5 nsubj
    met meet VERB 3 ccomp
    . . PUNCT 3 punct
    """,
)

TITLE_SAID = (
    "South Korean Foreign Minister Kang said it works.",
    """
    South South ADJ 2 amod
    Korean Korean ADJ 4 amod
    Foreign Foreign ADJ 4 amod
    Minister Minister PROPN 5 compound
    Kang Kang PROPN 6 nsubj
    said say VERB 0 root
    it it PRON 8 nsubj
    works work VERB 6 ccomp
    . . PUNCT 6 punct
    """,
)

WHO_SAID = (
    "Kang, who said the talks would resume.",
    """
    Kang Kang PROPN 0 root
    , , PUNCT 4 punct
    who who PRON 4 nsubj
    said say VERB 1 acl:relcl
    the the DET 6 det
    talks talk NOUN 8 nsubj
    would would AUX 8 aux
    resume resume VERB 4 ccomp
    . . PUNCT 1 punct
    """,
)

CRITICIZED = (
    "Smith criticized the president's foreign policy on Monday.",
    """
    Smith Smith PROPN 2 nsubj
    criticized criticize VERB 0 root
    the the DET 4 det
    president president NOUN 7 nmod:poss
    's 's PART 4 case
    foreign foreign ADJ 7 amod
    policy policy NOUN 2 obj
    on on ADP 9 case
    Monday Monday PROPN 2 obl
    . . PUNCT 2 punct
    """,
)

HAS_SAID = (
    "Trump has said he would like to meet Kim.",
    """
    Trump Trump PROPN 3 nsubj
    has have AUX 3 aux
    said say VERB 0 root
    he he PRON 6 nsubj
    would would AUX 6 aux
    like like VERB 3 ccomp
    to to PART 8 mark
    meet meet VERB 6 xcomp
    Kim Kim PROPN 8 obj
    . . PUNCT 3 punct
    """,
)

EXCLAIMED = (
    '"It has totally overlapped," the judge exclaimed.',
    """
    " " PUNCT 5 punct
    It it PRON 5 nsubj
    has have AUX 5 aux
    totally totally ADV 5 advmod
    overlapped overlap VERB 10 ccomp
    , , PUNCT 5 punct
    " " PUNCT 5 punct
    the the DET 9 det
    judge judge NOUN 10 nsubj
    exclaimed exclaim_unlisted VERB 0 root
    . . PUNCT 10 punct
    """,
)

HEADLINE = (
    "Poll: Trump ties Clinton in Ohio",
    """
    Poll poll NOUN 0 root
    : : PUNCT 4 punct
    Trump Trump PROPN 4 nsubj
    ties tie VERB 1 appos
    Clinton Clinton PROPN 4 obj
    in in ADP 7 case
    Ohio Ohio PROPN 4 obl
    """,
)

COLON_QUOTE = (
    'Union leader Tom Reyes: "We gave them every chance."',
    """
    Union union NOUN 2 compound
    leader leader NOUN 4 compound
    Tom Tom PROPN 4 compound
    Reyes Reyes PROPN 0 root
    : : PUNCT 4 punct
    " " PUNCT 7 punct
    We we PRON 7 nsubj
    gave give VERB 4 appos
    them they PRON 7 iobj
    every every DET 11 det
    chance chance NOUN 7 obj
    . . PUNCT 7 punct
    " " PUNCT 7 punct
    """,
)

IN_A_STATEMENT = (
    "Engineers found cracks, the department said in a statement.",
    """
    Engineers engineer NOUN 2 nsubj
    found find VERB 0 root
    cracks crack NOUN 2 obj
    , , PUNCT 7 punct
    the the DET 6 det
    department department NOUN 7 nsubj
    said say VERB 2 parataxis
    in in ADP 10 case
    a a DET 10 det
    statement statement NOUN 7 obl
    . . PUNCT 2 punct
    """,
)

AS_OBSERVED = (
    "As the Post observed, Republicans control both chambers.",
    """
    As as SCONJ 4 mark
    the the DET 3 det
    Post Post PROPN 4 nsubj
    observed observe VERB 7 advcl
    , , PUNCT 4 punct
    Republicans Republican PROPN 7 nsubj
    control control VERB 0 root
    both both DET 9 det
    chambers chamber NOUN 7 obj
    . . PUNCT 7 punct
    """,
)

REPORTED_BY = (
    "The move was first reported by MSNBC.",
    """
    The the DET 2 det
    move move NOUN 5 nsubj:pass
    was be AUX 5 aux:pass
    first first ADV 5 advmod
    reported report VERB 0 root
    by by ADP 7 case
    MSNBC MSNBC PROPN 5 obl:agent
    . . PUNCT 5 punct
    """,
)

FOLLOW_ON = (
    '"We never stop now."',
    """
    " " PUNCT 4 punct
    We we PRON 4 nsubj
    never never ADV 4 advmod
    stop stop VERB 0 root
    now now ADV 4 advmod
    . . PUNCT 4 punct
    " " PUNCT 4 punct
    """,
)

INVERTED_RECALLING = (
    '"We will win," said Smith, recalling the last election.',
    """
    " " PUNCT 4 punct
    We we PRON 4 nsubj
    will will AUX 4 aux
    win win VERB 7 ccomp
    , , PUNCT 4 punct
    " " PUNCT 4 punct
    said say VERB 0 root VBD
    Smith Smith PROPN 7 nsubj
    , , PUNCT 10 punct
    recalling recall VERB 7 advcl VBG
    the the DET 13 det
    last last ADJ 13 amod
    election election NOUN 10 obj
    . . PUNCT 7 punct
    """,
)

RELATIVE_CLAUSE_BEFORE_SAID = (
    "Mary Smith, who wrote about the visit in her book, said he tried to intimidate her.",
    """
    Mary Mary PROPN 13 nsubj NNP
    Smith Smith PROPN 1 flat NNP
    , , PUNCT 5 punct
    who who PRON 5 nsubj WP
    wrote write VERB 1 acl:relcl VBD
    about about ADP 8 case
    the the DET 8 det
    visit visit NOUN 5 obl
    in in ADP 11 case
    her she PRON 11 nmod:poss
    book book NOUN 8 nmod
    , , PUNCT 5 punct
    said say VERB 0 root VBD
    he he PRON 15 nsubj
    tried try VERB 13 ccomp VBD
    to to PART 17 mark
    intimidate intimidate VERB 15 xcomp VB
    her she PRON 17 obj
    . . PUNCT 13 punct
    """,
)

POLL_SHOWS = (
    "One poll shows Cruz ahead in Indiana.",
    """
    One one NUM 2 nummod
    poll poll NOUN 3 nsubj
    shows show VERB 0 root
    Cruz Cruz PROPN 3 obj
    ahead ahead ADV 3 xcomp
    in in ADP 7 case
    Indiana Indiana PROPN 5 obl
    . . PUNCT 3 punct
    """,
)

SHOWING_SIDE = (
    "The senator smiled, showing his personal side.",
    """
    The the DET 2 det
    senator senator NOUN 3 nsubj
    smiled smile VERB 0 root
    , , PUNCT 5 punct
    showing show VERB 3 advcl
    his his PRON 8 nmod:poss
    personal personal ADJ 8 amod
    side side NOUN 5 obj
    . . PUNCT 3 punct
    """,
)

IN_EXIT_POLLS = (
    "In exit polls, voters were unhappy with the government.",
    """
    In in ADP 3 case
    exit exit NOUN 3 compound
    polls poll NOUN 7 obl
    , , PUNCT 3 punct
    voters voter NOUN 7 nsubj
    were be AUX 7 cop
    unhappy unhappy ADJ 0 root
    with with ADP 10 case
    the the DET 10 det
    government government NOUN 7 obl
    . . PUNCT 7 punct
    """,
)

LEADING_IN_POLLS = (
    "Trump is leading in the polls ahead of the primary.",
    """
    Trump Trump PROPN 3 nsubj
    is be AUX 3 aux
    leading lead VERB 0 root
    in in ADP 6 case
    the the DET 6 det
    polls poll NOUN 3 obl
    ahead ahead ADV 3 advmod
    of of ADP 10 case
    the the DET 10 det
    primary primary NOUN 7 obl
    . . PUNCT 3 punct
    """,
)

ROSE_IN_POLLS = (
    "He rose in the polls.",
    """
    He he PRON 2 nsubj
    rose rise VERB 0 root
    in in ADP 5 case
    the the DET 5 det
    polls poll NOUN 2 obl
    . . PUNCT 2 punct
    """,
)

TALKED_ABOUT = (
    "Clinton talked about the economy.",
    """
    Clinton Clinton PROPN 2 nsubj
    talked talk VERB 0 root
    about about ADP 5 case
    the the DET 5 det
    economy economy NOUN 2 obl
    . . PUNCT 2 punct
    """,
)

TALKED_IN = (
    "Clinton talked in Ohio.",
    """
    Clinton Clinton PROPN 2 nsubj
    talked talk VERB 0 root
    in in ADP 4 case
    Ohio Ohio PROPN 2 obl
    . . PUNCT 2 punct
    """,
)

HAS_ALSO_SAID = (
    "Kang has also said he would like to meet Kim.",
    """
    Kang Kang PROPN 4 nsubj
    has have AUX 4 aux
    also also ADV 4 advmod
    said say VERB 0 root
    he he PRON 7 nsubj
    would would AUX 7 aux
    like like VERB 4 ccomp
    to to PART 9 mark
    meet meet VERB 7 xcomp
    Kim Kim PROPN 9 obj
    . . PUNCT 4 punct
    """,
)

ALSO_SAID = (
    "Kang also said he would like to meet Kim.",
    """
    Kang Kang PROPN 3 nsubj
    also also ADV 3 advmod
    said say VERB 0 root
    he he PRON 6 nsubj
    would would AUX 6 aux
    like like VERB 3 ccomp
    to to PART 8 mark
    meet meet VERB 6 xcomp
    Kim Kim PROPN 8 obj
    . . PUNCT 3 punct
    """,
)

SAID_AFTER_QUOTE_MISPARSED = (
    '"A clear imperative is to stay close," said Mr. Hof.',
    """
    " " PUNCT 4 punct
    A a DET 4 det
    clear clear ADJ 4 amod
    imperative imperative NOUN 11 nsubj
    is be AUX 7 aux
    to to PART 7 mark
    stay stay VERB 11 advcl
    close close ADJ 7 xcomp
    , , PUNCT 11 punct
    " " PUNCT 11 punct
    said say VERB 0 root VBD
    Mr. Mr. PROPN 11 obj
    Hof Hof PROPN 11 obj
    . . PUNCT 11 punct
    """,
)

CUE_INSIDE_QUOTE = (
    '"Everyone knows I said it was wrong," he added.',
    """
    " " PUNCT 3 punct
    Everyone everyone PRON 3 nsubj
    knows know VERB 12 ccomp
    I I PRON 5 nsubj
    said say VERB 3 ccomp
    it it PRON 8 nsubj
    was be AUX 8 cop
    wrong wrong ADJ 5 ccomp
    , , PUNCT 12 punct
    " " PUNCT 12 punct
    he he PRON 12 nsubj
    added add VERB 0 root VBD
    . . PUNCT 12 punct
    """,
)

SAYING_ORPHAN = (
    "The Russians justified strikes, saying the city is an important front.",
    """
    The the DET 2 det
    Russians Russian PROPN 3 nsubj
    justified justify VERB 0 root VBD
    strikes strike NOUN 3 obj
    , , PUNCT 6 punct
    saying say VERB 3 advcl VBG
    the the DET 8 det
    city city NOUN 12 nsubj
    is be AUX 12 cop VBZ
    an a DET 12 det
    important important ADJ 12 amod
    front front NOUN 3 parataxis
    . . PUNCT 3 punct
    """,
)

CLAIMED_BURIED_THAT = (
    "Pate claimed in an interview with Breitbart that he is neutral.",
    """
    Pate Pate PROPN 2 nsubj
    claimed claim VERB 0 root VBD
    in in ADP 5 case
    an a DET 5 det
    interview interview NOUN 2 obl
    with with ADP 7 case
    Breitbart Breitbart PROPN 5 nmod
    that that SCONJ 11 mark
    he he PRON 11 nsubj
    is be AUX 11 cop VBZ
    neutral neutral ADJ 7 acl
    . . PUNCT 2 punct
    """,
)

OFFICIALS_SAID_MIDWAY = (
    "Whatever progress he made, officials said, could unravel.",
    """
    Whatever whatever DET 2 det
    progress progress NOUN 10 nsubj
    he he PRON 4 nsubj
    made make VERB 2 acl:relcl VBD
    , , PUNCT 7 punct
    officials official NOUN 7 nsubj
    said say VERB 0 root VBD
    , , PUNCT 10 punct
    could could AUX 10 aux MD
    unravel unravel VERB 7 ccomp VB
    . . PUNCT 7 punct
    """,
)

AS_X_PUTS_IT = (
    "As Marcus puts it, Obama is wrong.",
    """
    As as SCONJ 3 mark
    Marcus Marcus PROPN 3 nsubj
    puts put VERB 8 advcl VBZ
    it it PRON 3 obj
    , , PUNCT 8 punct
    Obama Obama PROPN 8 nsubj
    is be AUX 8 cop VBZ
    wrong wrong ADJ 0 root
    . . PUNCT 8 punct
    """,
)

LONG_QUOTE_PARAGRAPH = (
    '"We will never give up on this process, not now and not later."',
    """
    " " PUNCT 5 punct
    We we PRON 5 nsubj
    will will AUX 5 aux
    never never ADV 5 advmod
    give give VERB 0 root
    up up ADP 5 compound:prt
    on on ADP 9 case
    this this DET 9 det
    process process NOUN 5 obl
    , , PUNCT 12 punct
    not not PART 12 advmod
    now now ADV 5 advmod
    and and CCONJ 15 cc
    not not PART 15 advmod
    later later ADV 12 conj
    . . PUNCT 5 punct
    " " PUNCT 5 punct
    """,
)

ATTACKED_BY_DOING = (
    "Murphy attacked Trump by skywriting messages on Friday.",
    """
    Murphy Murphy PROPN 2 nsubj
    attacked attack VERB 0 root VBD
    Trump Trump PROPN 2 obj
    by by SCONJ 5 mark
    skywriting skywrite VERB 2 advcl VBG
    messages message NOUN 5 obj
    on on ADP 8 case
    Friday Friday PROPN 2 obl
    . . PUNCT 2 punct
    """,
)

SAYING_PARATAXIS = (
    "She compared Trump to Clinton, saying they are part of the system.",
    """
    She she PRON 2 nsubj
    compared compare VERB 0 root VBD
    Trump Trump PROPN 2 obj
    to to ADP 5 case
    Clinton Clinton PROPN 2 obl
    , , PUNCT 7 punct
    saying say VERB 2 parataxis VBG
    they they PRON 10 nsubj
    are be AUX 10 cop VBP
    part part NOUN 7 ccomp
    of of ADP 13 case
    the the DET 13 det
    system system NOUN 10 nmod
    . . PUNCT 2 punct
    """,
)

SAID_SPLIT_SUBJECT = (
    "Trump said Clinton's actions are not confined.",
    """
    Trump Trump PROPN 2 nsubj
    said say VERB 0 root VBD
    Clinton Clinton PROPN 5 nmod:poss
    's 's PART 3 case
    actions action NOUN 2 obj
    are be AUX 8 aux:pass VBP
    not not PART 8 advmod
    confined confine VERB 2 ccomp VBN
    . . PUNCT 2 punct
    """,
)

DATELINE = (
    "WASHINGTON — Sen. Sanders defended his call.",
    """
    WASHINGTON Washington PROPN 5 nsubj
    — — PUNCT 1 punct
    Sen. Sen. PROPN 4 compound
    Sanders Sanders PROPN 1 appos
    defended defend VERB 0 root VBD
    his he PRON 7 nmod:poss
    call call NOUN 5 obj
    . . PUNCT 5 punct
    """,
)

CLAIM_QUESTIONED = (
    "Lopez's claim that aid would arrive was questioned by lawmakers.",
    """
    Lopez Lopez PROPN 3 nmod:poss
    's 's PART 1 case
    claim claim NOUN 9 nsubj:pass
    that that SCONJ 7 mark
    aid aid NOUN 7 nsubj
    would would AUX 7 aux
    arrive arrive VERB 9 advcl
    was be AUX 9 aux:pass
    questioned question VERB 0 root VBN
    by by ADP 11 case
    lawmakers lawmaker NOUN 9 obl
    . . PUNCT 9 punct
    """,
)

REPORT_HUNG_AS_COMPLEMENT = (
    "Engineers found that bridges had weakened, the department said.",
    """
    Engineers engineer NOUN 2 nsubj
    found find VERB 0 root VBD
    that that SCONJ 6 mark
    bridges bridge NOUN 6 nsubj
    had have AUX 6 aux
    weakened weaken VERB 2 ccomp VBN
    , , PUNCT 6 punct
    the the DET 9 det
    department department NOUN 10 nsubj
    said say VERB 2 ccomp VBD
    . . PUNCT 2 punct
    """,
)

SAID_ADDING = (
    '"We remain open," a spokeswoman said, adding that the minister would meet them.',
    """
    " " PUNCT 3 punct
    We we PRON 3 nsubj
    remain remain VERB 9 advcl VBP
    open open ADJ 3 xcomp
    , , PUNCT 3 punct
    " " PUNCT 3 punct
    a a DET 8 det
    spokeswoman spokeswoman NOUN 9 nsubj
    said say VERB 0 root VBD
    , , PUNCT 11 punct
    adding add VERB 9 ccomp VBG
    that that SCONJ 16 mark
    the the DET 14 det
    minister minister NOUN 16 nsubj
    would would AUX 16 aux
    meet meet VERB 11 ccomp VB
    them they PRON 16 obj
    . . PUNCT 9 punct
    """,
)

ADDED_THAT_SPLIT = (
    "He added that Russia's trade is small.",
    """
    He he PRON 2 nsubj
    added add VERB 0 root VBD
    that that SCONJ 8 mark
    Russia Russia PROPN 6 nmod:poss
    's 's PART 4 case
    trade trade NOUN 2 obj
    is be AUX 8 cop VBZ
    small small ADJ 2 ccomp
    . . PUNCT 2 punct
    """,
)

NAME_AGE_SAID = (
    '"We are worried," Khizr Khan, 66, said.',
    """
    " " PUNCT 4 punct
    We we PRON 4 nsubj
    are be AUX 4 cop VBP
    worried worried ADJ 0 root
    , , PUNCT 4 punct
    " " PUNCT 4 punct
    Khizr Khizr PROPN 4 parataxis
    Khan Khan PROPN 7 flat
    , , PUNCT 10 punct
    66 66 NUM 12 dep
    , , PUNCT 10 punct
    said say VERB 4 parataxis VBD
    . . PUNCT 4 punct
    """,
)

ADVISER_ACKNOWLEDGING = (
    "Errors hurt him, including an adviser acknowledging that the doctor erred.",
    """
    Errors error NOUN 2 nsubj
    hurt hurt VERB 0 root
    him he PRON 2 obj
    , , PUNCT 7 punct
    including include VERB 7 case VBG
    an a DET 7 det
    adviser adviser NOUN 2 obl
    acknowledging acknowledge VERB 7 acl VBG
    that that SCONJ 12 mark
    the the DET 11 det
    doctor doctor NOUN 12 nsubj
    erred err VERB 8 ccomp VBD
    . . PUNCT 2 punct
    """,
)

SIDELINES_ARGUING = (
    "Obama has been on the sidelines, arguing he did not want to intervene.",
    """
    Obama Obama PROPN 6 nsubj
    has have AUX 6 aux
    been be AUX 6 cop
    on on ADP 6 case
    the the DET 6 det
    sidelines sideline NOUN 0 root
    , , PUNCT 8 punct
    arguing argue VERB 6 parataxis VBG
    he he PRON 12 nsubj
    did do AUX 12 aux
    not not PART 12 advmod
    want want VERB 8 ccomp VB
    to to PART 14 mark
    intervene intervene VERB 12 xcomp VB
    . . PUNCT 6 punct
    """,
)

WHO_PREACHES = (
    "Sanders has long admired Francis, who preaches a message of justice.",
    """
    Sanders Sanders PROPN 4 nsubj
    has have AUX 4 aux
    long long ADV 4 advmod
    admired admire VERB 0 root VBN
    Francis Francis PROPN 4 obj
    , , PUNCT 8 punct
    who who PRON 8 nsubj WP
    preaches preach VERB 4 conj VBZ
    a a DET 10 det
    message message NOUN 8 obj
    of of ADP 12 case
    justice justice NOUN 10 nmod
    . . PUNCT 4 punct
    """,
)

KNOWN_AS = (
    "The state banned fracturing, a method known as fracking.",
    """
    The the DET 2 det
    state state NOUN 3 nsubj
    banned ban VERB 0 root VBD
    fracturing fracturing NOUN 3 obj
    , , PUNCT 8 punct
    a a DET 8 det
    method method NOUN 8 compound
    known know VERB 4 acl VBN
    as as ADP 10 case
    fracking fracking NOUN 8 obl
    . . PUNCT 3 punct
    """,
)

EARNEST_APPOSITION = (
    "Josh Earnest, the press secretary, said the talks failed.",
    """
    Josh Josh PROPN 8 nsubj
    Earnest Earnest PROPN 1 flat
    , , PUNCT 5 punct
    the the DET 5 det
    press press NOUN 5 compound
    secretary secretary NOUN 1 appos
    , , PUNCT 5 punct
    said say VERB 0 root VBD
    the the DET 10 det
    talks talk NOUN 11 nsubj
    failed fail VERB 8 ccomp VBD
    . . PUNCT 8 punct
    """,
)

KATZ_MISATTACHED = (
    "The group uses the photo, said Rita Katz, the director of SITE.",
    """
    The the DET 2 det
    group group NOUN 3 nsubj
    uses use VERB 0 root VBZ
    the the DET 5 det
    photo photo NOUN 3 obj
    , , PUNCT 7 punct
    said say VERB 3 parataxis VBD
    Rita Rita PROPN 7 obj
    Katz Katz PROPN 8 flat
    , , PUNCT 12 punct
    the the DET 12 det
    director director NOUN 7 nsubj
    of of ADP 14 case
    SITE SITE PROPN 12 nmod
    . . PUNCT 3 punct
    """,
)

DASH_IN_MENTION = (
    "Law enforcement - technology companies say the rules are vague.",
    """
    Law law NOUN 2 compound
    enforcement enforcement NOUN 5 compound
    - - PUNCT 5 punct
    technology technology NOUN 5 compound
    companies company NOUN 6 nsubj
    say say VERB 0 root VBP
    the the DET 8 det
    rules rule NOUN 10 nsubj
    are be AUX 10 cop
    vague vague ADJ 6 ccomp
    . . PUNCT 6 punct
    """,
)

DAY_AS_SUBJECT = (
    "A poll released Friday shows that Trump leads.",
    """
    A a DET 2 det
    poll poll NOUN 3 nsubj
    released release VERB 0 root VBD
    Friday Friday PROPN 5 nsubj
    shows show VERB 3 ccomp VBZ
    that that SCONJ 8 mark
    Trump Trump PROPN 8 nsubj
    leads lead VERB 5 ccomp VBZ
    . . PUNCT 3 punct
    """,
)

ON_AGE_COLON = (
    "Even on age: Rubio and Cruz are young.",
    """
    Even even ADV 3 advmod
    on on ADP 3 case
    age age NOUN 9 obl
    : : PUNCT 3 punct
    Rubio Rubio PROPN 9 nsubj
    and and CCONJ 7 cc
    Cruz Cruz PROPN 5 conj
    are be AUX 9 cop
    young young ADJ 0 root
    . . PUNCT 9 punct
    """,
)

SAID_QUOTE_REFERRING = (
    'Trump said things "should end soon," referring to the convention.',
    """
    Trump Trump PROPN 2 nsubj
    said say VERB 0 root VBD
    things thing NOUN 2 obj
    " " PUNCT 6 punct
    should should AUX 6 aux
    end end VERB 2 ccomp VB
    soon soon ADV 6 advmod
    , , PUNCT 6 punct
    " " PUNCT 10 punct
    referring refer VERB 2 ccomp VBG
    to to ADP 13 case
    the the DET 13 det
    convention convention NOUN 10 obl
    . . PUNCT 2 punct
    """,
)

SAID_X_ECHOING = (
    '"We must act," said Josh Earnest, echoing comments by Obama.',
    """
    " " PUNCT 4 punct
    We we PRON 4 nsubj
    must must AUX 4 aux
    act act VERB 7 ccomp VB
    , , PUNCT 4 punct
    " " PUNCT 4 punct
    said say VERB 0 root VBD
    Josh Josh PROPN 7 obj
    Earnest Earnest PROPN 8 flat
    , , PUNCT 11 punct
    echoing echo VERB 7 ccomp VBG
    comments comment NOUN 11 obj
    by by ADP 14 case
    Obama Obama PROPN 12 nmod
    . . PUNCT 7 punct
    """,
)

TONE_SHE_SAID = (
    "A comic tone, she said, would make the subject accessible.",
    """
    A a DET 3 det
    comic comic NOUN 3 compound
    tone tone NOUN 9 nsubj
    , , PUNCT 3 punct
    she she PRON 6 nsubj
    said say VERB 9 parataxis VBD
    , , PUNCT 3 punct
    would would AUX 9 aux
    make make VERB 0 root VB
    the the DET 11 det
    subject subject NOUN 9 obj
    accessible accessible ADJ 9 xcomp
    . . PUNCT 9 punct
    """,
)

LAST_MONTH_CHARGED = (
    "Police had last month charged him after determining that he lied.",
    """
    Police police NOUN 5 nsubj
    had have AUX 5 aux
    last last ADJ 4 amod
    month month NOUN 5 nsubj
    charged charge VERB 0 root VBN
    him he PRON 5 obj
    after after SCONJ 8 mark
    determining determine VERB 5 advcl VBG
    that that SCONJ 11 mark
    he he PRON 11 nsubj
    lied lie VERB 8 ccomp VBD
    . . PUNCT 5 punct
    """,
)

INVERTED_FINAL_CONJ = (
    "The race is tightening, said James Henson, director of the project.",
    """
    The the DET 2 det
    race race NOUN 4 nsubj
    is be AUX 4 aux
    tightening tighten VERB 0 root VBG
    , , PUNCT 6 punct
    said say VERB 4 conj VBD
    James James PROPN 6 obj
    Henson Henson PROPN 7 flat
    , , PUNCT 10 punct
    director director NOUN 6 nsubj
    of of ADP 13 case
    the the DET 13 det
    project project NOUN 10 nmod
    . . PUNCT 4 punct
    """,
)

DASH_ASIDE = (
    "Clinton said that the concerns \u2014 at least for now \u2014 were valid.",
    """
    Clinton Clinton PROPN 2 nsubj
    said say VERB 0 root VBD
    that that SCONJ 13 mark
    the the DET 5 det
    concerns concern NOUN 13 nsubj
    \u2014 \u2014 PUNCT 10 punct
    at at ADP 8 case
    least least ADJ 10 obl
    for for ADP 10 case
    now now ADV 13 advmod
    \u2014 \u2014 PUNCT 10 punct
    were be AUX 13 cop
    valid valid ADJ 2 ccomp
    . . PUNCT 2 punct
    """,
)

DOCUMENT_FILED_THURSDAY = (
    "A court document filed Thursday says that he lied.",
    """
    A a DET 3 det
    court court NOUN 3 compound
    document document NOUN 4 nsubj
    filed file VERB 0 root VBD
    Thursday Thursday PROPN 4 obj
    says say VERB 4 ccomp VBZ
    that that SCONJ 9 mark
    he he PRON 9 nsubj
    lied lie VERB 6 ccomp VBD
    . . PUNCT 4 punct
    """,
)

SAID_ASIDE_THAT = (
    "Manafort said \u2014 on Twitter, as it happens \u2014 that Trump raised $4 million.",
    """
    Manafort Manafort PROPN 2 nsubj
    said say VERB 0 root VBD
    \u2014 \u2014 PUNCT 5 punct
    on on ADP 5 case
    Twitter Twitter PROPN 2 obl
    , , PUNCT 9 punct
    as as SCONJ 9 mark
    it it PRON 9 nsubj
    happens happen VERB 2 advcl VBZ
    \u2014 \u2014 PUNCT 9 punct
    that that SCONJ 13 mark
    Trump Trump PROPN 13 nsubj
    raised raise VERB 9 ccomp VBD
    $ $ SYM 13 obj
    4 4 NUM 16 compound
    million million NUM 14 nummod
    . . PUNCT 2 punct
    """,
)

THAT_SAID = (
    "That said, the audience tends to be older.",
    """
    That that PRON 2 nsubj
    said say VERB 6 advcl VBD
    , , PUNCT 2 punct
    the the DET 5 det
    audience audience NOUN 6 nsubj
    tends tend VERB 0 root VBZ
    to to PART 9 mark
    be be AUX 9 cop
    older old ADJ 6 xcomp
    . . PUNCT 6 punct
    """,
)

CALLED_FOR_TO = (
    "Sanders called for Clinton to release the transcripts.",
    """
    Sanders Sanders PROPN 2 nsubj
    called call VERB 0 root VBD
    for for ADP 4 case
    Clinton Clinton PROPN 2 obl
    to to PART 6 mark
    release release VERB 2 xcomp VB
    the the DET 8 det
    transcripts transcript NOUN 6 obj
    . . PUNCT 2 punct
    """,
)

SAID_CALLING = (
    "Trump said the judge was biased, calling him a hater.",
    """
    Trump Trump PROPN 2 nsubj
    said say VERB 0 root VBD
    the the DET 4 det
    judge judge NOUN 6 nsubj
    was be AUX 6 cop
    biased biased ADJ 2 ccomp
    , , PUNCT 8 punct
    calling call VERB 6 advcl VBG
    him he PRON 8 obj
    a a DET 11 det
    hater hater NOUN 8 xcomp
    . . PUNCT 2 punct
    """,
)

AFTER_CLAUSE_WROTE = (
    "After the chair was booed, Canova wrote to his followers.",
    """
    After after SCONJ 5 mark
    the the DET 3 det
    chair chair NOUN 5 nsubj:pass
    was be AUX 5 aux:pass
    booed boo VERB 8 advcl VBN
    , , PUNCT 5 punct
    Canova Canova PROPN 8 nsubj
    wrote write VERB 0 root VBD
    to to ADP 11 case
    his he PRON 11 nmod:poss
    followers follower NOUN 8 obl
    . . PUNCT 8 punct
    """,
)

RIVAL_APPOSITION = (
    "Her rival, Sen. Bernie Sanders, said the race was close.",
    """
    Her her PRON 2 nmod:poss
    rival rival NOUN 8 nsubj
    , , PUNCT 4 punct
    Sen. Sen. PROPN 2 appos
    Bernie Bernie PROPN 4 flat
    Sanders Sanders PROPN 4 flat
    , , PUNCT 2 punct
    said say VERB 0 root VBD
    the the DET 10 det
    race race NOUN 12 nsubj
    was be AUX 12 cop
    close close ADJ 8 ccomp
    . . PUNCT 8 punct
    """,
)

THOUGH_DIDNT_SAY = (
    "Putin said they would find a solution, though he didn't say what that would be.",
    """
    Putin Putin PROPN 2 nsubj
    said say VERB 0 root VBD
    they they PRON 5 nsubj
    would would AUX 5 aux
    find find VERB 2 ccomp VB
    a a DET 7 det
    solution solution NOUN 5 obj
    , , PUNCT 13 punct
    though though SCONJ 13 mark
    he he PRON 13 nsubj
    did do AUX 13 aux
    n't not PART 13 advmod
    say say VERB 2 parataxis VB
    what what PRON 13 obj
    that that PRON 17 nsubj
    would would AUX 17 aux
    be be AUX 14 acl:relcl
    . . PUNCT 2 punct
    """,
)

SAID_ELATED_BUT_FEARED = (
    "She said she was elated but still feared the military.",
    """
    She she PRON 2 nsubj
    said say VERB 0 root VBD
    she she PRON 5 nsubj
    was be AUX 5 cop
    elated elated ADJ 2 ccomp JJ
    but but CCONJ 8 cc
    still still ADV 8 advmod
    feared fear VERB 5 conj VBD
    the the DET 10 det
    military military NOUN 8 obj
    . . PUNCT 2 punct
    """,
)

SAID_THAT_AND_CALLED_FOR = (
    "The union said that the offer was an insult and called for a strike.",
    """
    The the DET 2 det
    union union NOUN 3 nsubj
    said say VERB 0 root VBD
    that that SCONJ 9 mark
    the the DET 6 det
    offer offer NOUN 9 nsubj
    was be AUX 9 cop
    an a DET 9 det
    insult insult NOUN 3 ccomp
    and and CCONJ 11 cc
    called call VERB 9 conj VBD
    for for ADP 14 case
    a a DET 14 det
    strike strike NOUN 11 obl
    . . PUNCT 3 punct
    """,
)

SUBJECT_ON_SAID = (
    "Other efforts to help the program will also be expanded, officials said.",
    """
    Other other ADJ 2 amod
    efforts effort NOUN 13 nsubj
    to to PART 4 mark
    help help VERB 2 acl
    the the DET 6 det
    program program NOUN 4 obj
    will will AUX 10 aux
    also also ADV 10 advmod
    be be AUX 10 aux:pass
    expanded expand VERB 13 ccomp
    , , PUNCT 2 punct
    officials official NOUN 13 nsubj
    said say VERB 0 root
    . . PUNCT 13 punct
    """,
)

PUNCTUATION_SUBJECT_ON_SAID = (
    "Will be expanded, officials said -",
    """
    Will will AUX 3 aux
    be be AUX 3 aux:pass
    expanded expand VERB 6 ccomp
    , , PUNCT 3 punct
    officials official NOUN 6 nsubj
    said say VERB 0 root
    - - PUNCT 6 nsubj
    """,
)

ABSOLUTELY_WHEN_ASKED = (
    '"Absolutely," he said when asked about it.',
    """
    " " PUNCT 2 punct
    Absolutely absolutely ADV 6 advmod
    , , PUNCT 2 punct
    " " PUNCT 2 punct
    he he PRON 6 nsubj
    said say VERB 0 root
    when when ADV 8 advmod
    asked ask VERB 6 advcl
    about about ADP 10 case
    it it PRON 8 obl
    . . PUNCT 6 punct
    """,
)

ASKED_TO = (
    "Trump asked the network to donate the profits.",
    """
    Trump Trump PROPN 2 nsubj
    asked ask VERB 0 root
    the the DET 4 det
    network network NOUN 2 obj
    to to PART 6 mark
    donate donate VERB 2 xcomp
    the the DET 8 det
    profits profit NOUN 6 obj
    . . PUNCT 2 punct
    """,
)

WHY_NOT_QUOTE = (
    "\u201cWhy not?\u201d",
    """
    \u201c \u201c PUNCT 2 punct
    Why why ADV 0 root
    not not PART 2 advmod
    ? ? PUNCT 2 punct
    \u201d \u201d PUNCT 2 punct
    """,
)

TRUMP_TOLD_REPORTERS = (
    "Trump told reporters when asked about it.",
    """
    Trump Trump PROPN 2 nsubj
    told tell VERB 0 root
    reporters reporter NOUN 2 obj
    when when ADV 5 advmod
    asked ask VERB 2 advcl
    about about ADP 7 case
    it it PRON 5 obl
    . . PUNCT 2 punct
    """,
)

SAYS_AND_SECOND_CLAUSE = (
    "Forbes says it is small, and Wealth-X has it at more.",
    """
    Forbes Forbes PROPN 2 nsubj
    says say VERB 0 root VBZ
    it it PRON 5 nsubj
    is be AUX 5 cop
    small small ADJ 2 ccomp JJ
    , , PUNCT 9 punct
    and and CCONJ 9 cc
    Wealth-X Wealth-X PROPN 9 nsubj
    has have VERB 5 conj VBZ
    it it PRON 9 obj
    at at ADP 12 case
    more more ADJ 9 obl
    . . PUNCT 2 punct
    """,
)

SAID_AND_CLAUSE_AS_SECOND_CCOMP = (
    "She said she intends to run, and Brainard is regarded as a rival.",
    """
    She she PRON 2 nsubj
    said say VERB 0 root VBD
    she she PRON 4 nsubj
    intends intend VERB 2 ccomp VBZ
    to to PART 6 mark
    run run VERB 4 xcomp VB
    , , PUNCT 11 punct
    and and CCONJ 11 cc
    Brainard Brainard PROPN 11 nsubj:pass
    is be AUX 11 aux:pass
    regarded regard VERB 2 ccomp VBN
    as as ADP 14 case
    a a DET 14 det
    rival rival NOUN 11 obl
    . . PUNCT 2 punct
    """,
)

SAID_WIPING_SWEAT = (
    "Sales were great, he said, wiping sweat off his face.",
    """
    Sales sale NOUN 3 nsubj
    were be AUX 3 cop
    great great ADJ 0 root JJ
    , , PUNCT 6 punct
    he he PRON 6 nsubj
    said say VERB 3 parataxis VBD
    , , PUNCT 8 punct
    wiping wipe VERB 6 ccomp VBG
    sweat sweat NOUN 8 obj
    off off ADP 12 case
    his his PRON 12 nmod:poss
    face face NOUN 8 obl
    . . PUNCT 3 punct
    """,
)

GAVE_CREDIT_BUT_SUGGESTED = (
    "He gave Trump credit, saying he should be congratulated, but he suggested Trump is no Reagan.",
    """
    He he PRON 2 nsubj
    gave give VERB 0 root VBD
    Trump Trump PROPN 2 iobj
    credit credit NOUN 2 obj
    , , PUNCT 6 punct
    saying say VERB 2 advcl VBG
    he he PRON 10 nsubj:pass
    should should AUX 10 aux
    be be AUX 10 aux:pass
    congratulated congratulate VERB 6 ccomp VBN
    , , PUNCT 14 punct
    but but CCONJ 14 cc
    he he PRON 14 nsubj
    suggested suggest VERB 2 conj VBD
    Trump Trump PROPN 18 nsubj
    is be AUX 18 cop
    no no DET 18 det
    Reagan Reagan PROPN 2 parataxis
    . . PUNCT 2 punct
    """,
)

ACCORDING_TO_SOURCE_WHO = (
    "Time is running out, according to his supporters, who are offering assessments.",
    """
    Time time NOUN 3 nsubj
    is be AUX 3 aux
    running run VERB 0 root VBG
    out out ADP 3 compound:prt
    , , PUNCT 9 punct
    according accord VERB 9 case VBG
    to to ADP 9 case
    his his PRON 9 nmod:poss
    supporters supporter NOUN 3 obl
    , , PUNCT 13 punct
    who who PRON 13 nsubj WP
    are be AUX 13 aux
    offering offer VERB 3 conj VBG
    assessments assessment NOUN 13 obj
    . . PUNCT 3 punct
    """,
)

ISSUED_STATEMENT_DESCRIBING = (
    "Trump and Ryan issued a statement describing their meeting as positive.",
    """
    Trump Trump PROPN 4 nsubj
    and and CCONJ 3 cc
    Ryan Ryan PROPN 1 conj
    issued issue VERB 0 root VBD
    a a DET 6 det
    statement statement NOUN 4 obj
    describing describe VERB 6 acl VBG
    their their PRON 9 nmod:poss
    meeting meeting NOUN 7 obj
    as as ADP 11 case
    positive positive ADJ 7 obl
    . . PUNCT 4 punct
    """,
)

SPOKESMAN_TOLD_POLITICO = (
    "It was planned — Buck, a spokesman, told POLITICO that he knew.",
    """
    It it PRON 3 nsubj
    was be AUX 3 cop
    planned planned ADJ 10 ccomp JJ
    — — PUNCT 5 punct
    Buck Buck PROPN 3 appos
    , , PUNCT 8 punct
    a a DET 8 det
    spokesman spokesman NOUN 5 appos
    , , PUNCT 8 punct
    told tell VERB 0 root VBD
    POLITICO POLITICO PROPN 10 iobj
    that that SCONJ 14 mark
    he he PRON 14 nsubj
    knew know VERB 10 ccomp VBD
    . . PUNCT 10 punct
    """,
)

WANTS_TRUMP_TO_LOSE = (
    "NeverTrump wants Trump to lose.",
    """
    NeverTrump NeverTrump PROPN 2 nsubj
    wants want VERB 0 root VBZ
    Trump Trump PROPN 2 obj
    to to PART 5 mark
    lose lose VERB 2 xcomp VB
    . . PUNCT 2 punct
    """,
)

ASKED_THEM_TO_SUPPORT = (
    "Rubio asked them to support another candidate.",
    """
    Rubio Rubio PROPN 2 nsubj
    asked ask VERB 0 root VBD
    them they PRON 2 obj
    to to PART 5 mark
    support support VERB 2 xcomp VB
    another another DET 7 det
    candidate candidate NOUN 5 obj
    . . PUNCT 2 punct
    """,
)

EXPECTED_TO_VISIT = (
    "Trump had been expected to visit the Hill.",
    """
    Trump Trump PROPN 4 nsubj:pass
    had have AUX 4 aux
    been be AUX 4 aux:pass
    expected expect VERB 0 root VBN
    to to PART 6 mark
    visit visit VERB 4 xcomp VB
    the the DET 8 det
    Hill Hill PROPN 6 obj
    . . PUNCT 4 punct
    """,
)

CALLING_HIM_A_DISGRACE = (
    "The prince criticized Trump, calling him a disgrace.",
    """
    The the DET 2 det
    prince prince NOUN 3 nsubj
    criticized criticize VERB 0 root VBD
    Trump Trump PROPN 3 obj
    , , PUNCT 6 punct
    calling call VERB 3 advcl VBG
    him he PRON 6 iobj
    a a DET 9 det
    disgrace disgrace NOUN 6 obj
    . . PUNCT 3 punct
    """,
)

SAID_X_A_POLLSTER_WHO = (
    "\u201cWe won,\u201d said Conway, a pollster who backed Cruz but recently joined Trump.",
    """
    \u201c \u201c PUNCT 3 punct
    We we PRON 3 nsubj
    won win VERB 6 ccomp VBD
    , , PUNCT 3 punct
    \u201d \u201d PUNCT 3 punct
    said say VERB 0 root VBD
    Conway Conway PROPN 6 nsubj
    , , PUNCT 10 punct
    a a DET 10 det
    pollster pollster NOUN 7 appos
    who who PRON 12 nsubj WP
    backed back VERB 10 acl:relcl VBD
    Cruz Cruz PROPN 12 obj
    but but CCONJ 17 cc
    recently recently ADV 17 advmod
    joined join VERB 6 conj VBD
    Trump Trump PROPN 17 obj
    . . PUNCT 6 punct
    """,
)

WHO_WAS_LISTED_TOLD_POLITICO = (
    "Dever, who was listed, told POLITICO, \u201cOf the three, I like Kasich.\u201d",
    """
    Dever Dever PROPN 7 nsubj
    , , PUNCT 5 punct
    who who PRON 5 nsubj:pass WP
    was be AUX 5 aux:pass
    listed list VERB 1 acl:relcl VBN
    , , PUNCT 1 punct
    told tell VERB 0 root VBD
    POLITICO POLITICO PROPN 7 iobj
    , , PUNCT 16 punct
    \u201c \u201c PUNCT 16 punct
    Of of ADP 13 case
    the the DET 13 det
    three three NUM 16 obl
    , , PUNCT 13 punct
    I I PRON 16 nsubj
    like like VERB 7 ccomp VBP
    Kasich Kasich PROPN 16 obj
    . . PUNCT 7 punct
    \u201d \u201d PUNCT 7 punct
    """,
)

IN_HER_SPEECH_DECLARED = (
    "In her speech, Rhimes declared, \u201cChange the world.\u201d",
    """
    In in ADP 3 case
    her her PRON 3 nmod:poss
    speech speech NOUN 6 obl
    , , PUNCT 3 punct
    Rhimes Rhimes PROPN 6 nsubj
    declared declare VERB 0 root VBD
    , , PUNCT 9 punct
    \u201c \u201c PUNCT 9 punct
    Change change VERB 6 ccomp VB
    the the DET 11 det
    world world NOUN 9 obj
    . . PUNCT 9 punct
    \u201d \u201d PUNCT 9 punct
    """,
)

AN_EXPECTED_ATTACK = (
    "Trump called to preempt an expected attack, and then he flew to Maine.",
    """
    Trump Trump PROPN 2 nsubj
    called call VERB 0 root VBD
    to to PART 4 mark
    preempt preempt VERB 2 advcl VB
    an a DET 7 det
    expected expect VERB 7 amod VBN
    attack attack NOUN 4 obj
    , , PUNCT 12 punct
    and and CCONJ 12 cc
    then then ADV 12 advmod
    he he PRON 12 nsubj
    flew fly VERB 2 conj VBD
    to to ADP 14 case
    Maine Maine PROPN 12 obl
    . . PUNCT 2 punct
    """,
)

MANY_SEEKING_ASYLUM = (
    "Border agents apprehended families in 2014, many seeking asylum.",
    """
    Border border NOUN 2 compound
    agents agent NOUN 3 nsubj
    apprehended apprehend VERB 0 root VBD
    families family NOUN 3 obj
    in in ADP 6 case
    2014 2014 NUM 3 obl
    , , PUNCT 9 punct
    many many PRON 9 nsubj
    seeking seek VERB 3 advcl VBG
    asylum asylum NOUN 9 obj
    . . PUNCT 3 punct
    """,
)

SAID_X_WHO_THEN_CONTENT = (
    "And Trump, said Sunshine, who remains friendly with him, doesn't forgive.",
    """
    And and CCONJ 4 cc
    Trump Trump PROPN 15 nsubj
    , , PUNCT 2 punct
    said say VERB 0 root VBD
    Sunshine Sunshine PROPN 4 obj
    , , PUNCT 8 punct
    who who PRON 8 nsubj WP
    remains remain VERB 5 acl:relcl VBZ
    friendly friendly ADJ 8 xcomp
    with with ADP 11 case
    him he PRON 9 obl
    , , PUNCT 2 punct
    does do AUX 15 aux VBZ
    n't not PART 15 advmod
    forgive forgive VERB 4 ccomp VB
    . . PUNCT 4 punct
    """,
)

AMERICANS_ARE_MAD_AND_I_AGREE = (
    "Americans are mad, and I agree with them.",
    """
    Americans American PROPN 3 nsubj
    are be AUX 3 cop
    mad mad ADJ 0 root JJ
    , , PUNCT 7 punct
    and and CCONJ 7 cc
    I I PRON 7 nsubj
    agree agree VERB 3 conj VBP
    with with ADP 9 case
    them they PRON 7 obl
    . . PUNCT 3 punct
    """,
)

ACCORDING_TO_THEN_REPORTED = (
    "According to Fox News, the department reported finding emails.",
    """
    According accord VERB 4 case VBG
    to to ADP 4 case
    Fox Fox PROPN 4 compound
    News News PROPN 9 obl
    , , PUNCT 4 punct
    the the DET 7 det
    department department NOUN 8 nsubj
    reported report VERB 0 root VBD
    finding find VERB 8 xcomp VBG
    emails email NOUN 9 obj
    . . PUNCT 8 punct
    """,
)

SUBJECT_THEN_QUOTE_HE_SAID = (
    "Clinton \u201ccaused tremendous havoc,\u201d he said.",
    """
    Clinton Clinton PROPN 3 nsubj
    \u201c \u201c PUNCT 3 punct
    caused cause VERB 0 root VBD
    tremendous tremendous ADJ 5 amod
    havoc havoc NOUN 3 obj
    , , PUNCT 3 punct
    \u201d \u201d PUNCT 3 punct
    he he PRON 9 nsubj
    said say VERB 3 parataxis VBD
    . . PUNCT 9 punct
    """,
)

DECLARED_COLON_QUOTE_SHE_SAID = (
    "Rhimes declared the need for drive: \u201cChange the world,\u201d she said.",
    """
    Rhimes Rhimes PROPN 2 nsubj
    declared declare VERB 0 root VBD
    the the DET 4 det
    need need NOUN 2 obj
    for for ADP 6 case
    drive drive NOUN 4 nmod
    : : PUNCT 9 punct
    \u201c \u201c PUNCT 9 punct
    Change change VERB 2 parataxis VB
    the the DET 11 det
    world world NOUN 9 obj
    , , PUNCT 9 punct
    \u201d \u201d PUNCT 9 punct
    she she PRON 15 nsubj
    said say VERB 2 parataxis VBD
    . . PUNCT 2 punct
    """,
)

SAID_NAME_WHO_QUOTE = (
    "Said Dorothy Poynter, who grew up with Ali, \u201cWe were proud of him.\u201d",
    """
    Said Said VERB 0 root VBD
    Dorothy Dorothy PROPN 1 obj
    Poynter Poynter PROPN 2 flat
    , , PUNCT 5 punct
    who who PRON 5 nsubj WP
    grew grow VERB 2 acl:relcl VBD
    up up ADP 5 compound:prt
    with with ADP 9 case
    Ali Ali PROPN 5 obl
    , , PUNCT 14 punct
    \u201c \u201c PUNCT 14 punct
    We we PRON 14 nsubj
    were be AUX 14 cop VBD
    proud proud ADJ 1 parataxis JJ
    of of ADP 16 case
    him he PRON 14 obl
    . . PUNCT 1 punct
    \u201d \u201d PUNCT 1 punct
    """,
)

OBAMA_OFFICIALS_SAID_TWO_SUBJECTS = (
    "Mr. Obama, officials said, has become skeptical.",
    """
    Mr. Mr. PROPN 8 nsubj
    Obama Obama PROPN 5 nsubj
    , , PUNCT 2 punct
    officials official NOUN 5 nsubj
    said say VERB 8 parataxis VBD
    , , PUNCT 1 punct
    has have AUX 8 aux VBZ
    become become VERB 0 root VBN
    skeptical skeptical ADJ 8 xcomp
    . . PUNCT 8 punct
    """,
)

SAYING_COMMA_QUOTE_MISATTACHED = (
    "Sanders stepped up his emphasis, saying, \u201cWe have got to act.\u201d",
    """
    Sanders Sanders PROPN 2 nsubj
    stepped step VERB 0 root VBD
    up up ADP 2 compound:prt
    his his PRON 5 nmod:poss
    emphasis emphasis NOUN 2 obj
    , , PUNCT 7 punct
    saying say VERB 2 advcl VBG
    , , PUNCT 12 punct
    \u201c \u201c PUNCT 12 punct
    We we PRON 12 nsubj
    have have AUX 12 aux VBP
    got get VERB 2 parataxis VBN
    to to PART 14 mark
    act act VERB 12 xcomp VB
    . . PUNCT 12 punct
    \u201d \u201d PUNCT 12 punct
    """,
)
