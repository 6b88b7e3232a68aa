"""The words and patterns news writing attributes a quotation with: reporting verbs,
titles, the shapes of names and organisations, as the speaker rules read them
(tui/quotes/cue_readers.py, tui/quotes/subjects.py, tui/quotes/noun_phrases.py)."""

from __future__ import annotations

import re
from functools import cache
from operator import itemgetter

from tui.nlp.given_names import is_given_name
from tui.nlp.lexicon import (
    AFFILIATIONS,
    BODY_NOUNS,
    DEMONYMS,
    DEPARTMENT_WORDS,
    FUNCTION_WORDS,
    NAME_ABBREVIATIONS,
    NATIONALITY_NOUNS,
    NEWS_AGENCIES,
    OFFICES,
    ORG_HEADS,
    PARTICLE_PATTERN,
    PARTICLES,
    PERSON_ROLES,
    SEATS_OF_POWER,
    SENTENCE_OPENERS,
    TITLE_REFERENCES,
    TITLE_WORDS,
)
from tui.nlp.name_runs import UPPER as _UP
from tui.nlp.places import DIRECTIONS, fold, load_gazetteer
from tui.util.regex_trie import trie

# --- words that news writing puts around names -----------------------------------------

# The lexicon's words, under the names the speaker rules read them by: a title or role
# before a name, the head of an organisation's name, a place word that opens or ends a
# run, a word that opens sentences, and dates.
_TITLES = TITLE_WORDS | PERSON_ROLES | OFFICES
# (and the heads of venues' names, which speak for no one: "Tallon Grand Hotel" is no
# person for a later "Tallon" to stand for)
_ORG_HEADS = (
    ORG_HEADS
    | SEATS_OF_POWER
    | frozenset(a for a in NEWS_AGENCIES if " " not in a)
    | frozenset("hotel hotels casino resort".split())
)
_ORG_HEADS_LOWER = (
    "office|ministry|government|presidency|administration|party|department|agency|"
    "military|police|army|navy|company|embassy|council|committee|commission|court|"
    "spokes(?:man|woman|person)|cabinet|campaign|regime|parliament|senate"
)
# what a name follows ("Japanese Foreign Minister", "Briton Jack Draper"; not a given
# name: "M. Dane Waters", "Finn Russell")
_TITLE_WORDS = _TITLES | DEMONYMS | {
    noun for noun in NATIONALITY_NOUNS if not is_given_name(noun.capitalize())
}
# a party's or a people's word before a title (`the Republican senator`)
_PARTY_OR_PEOPLE = AFFILIATIONS | DEMONYMS


@cache
def _country_keys() -> frozenset[str]:
    """Countries and continents as one folded word ("japan", "korea" of "South Korea"),
    from the gazetteer: a run that is one of them speaks for a state, not a person."""
    countries = load_gazetteer().countries
    return frozenset(
        {k for k in countries if " " not in k}
        | {k.split()[1] for k in countries if k.count(" ") == 1 and k.split()[0] in DIRECTIONS}
    )


def _is_country(key: str) -> bool:
    return key in _country_keys()


def _placed_role(title: str, where: str) -> bool:
    """Whether ``title`` is a person's and ``where`` a place the gazetteer knows, or a
    party or a people (`the Ohio senator`, `the Republican governor`): the words
    before a verb name a role, and who holds it is someone named before; the place is
    no speaker. (A spokesman speaks for a body, which the words before him may name:
    `the Vatican spokesman`.)"""
    return title in _TITLES and not title.startswith("spokes") and (
        load_gazetteer().place(fold(where)) is not None
        or all(w.casefold() in _PARTY_OR_PEOPLE for w in where.split())
    )


def _is_major_place(name: str) -> bool:
    """A city of a million or a country, by the gazetteer ("San Francisco")."""
    return load_gazetteer().is_major(fold(name))


# Reporting verbs: the verbs newswriting uses to attach words to a speaker.
_VERBS = (
    r"said|says|say|told|tells|tell|added|adds|add|urged|urges|stated|states|noted|notes|"
    r"wrote|writes|declared|declares|announced|announces|explained|explains|argued|argues|"
    r"insisted|insists|warned|warns|claimed|claims|asked|asks|replied|replies|responded|"
    r"responds|continued|continues|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|called|"
    r"calls|described|describes|expressed|expresses|acknowledged|acknowledges|admitted|"
    r"admits|suggested|suggests|confirmed|confirms|denied|denies|concluded|concludes|"
    r"recalled|recalls|observed|observes|remarked|remarks|commented|comments|tweeted|"
    r"tweets|posted|posts|cited|cites|blamed|blames|accused|accuses|vowed|vows|pledged|"
    r"pledges|promised|promises|predicted|predicts|cautioned|cautions|complained|"
    r"complains|conceded|concedes|maintained|maintains|mentioned|mentions|pointed out|"
    r"points out|went on|demanded|demands|questioned|questions|criticized|criticised|"
    r"criticizes|criticises|praised|praises|welcomed|welcomes|hailed|hails|dismissed|"
    r"dismisses|labell?ed|labels|branded|brands|termed|terms|dubbed|dubs|reiterated|"
    r"reiterates|announced|announces|agreed|agrees|countered|counters|protested|"
    r"protests|lamented|laments|quipped|quips|joked|jokes|shouted|shouts|yelled|"
    r"whispered|testified|testifies|assured|assures|informed|informs|reported|reports|"
    r"indicated|indicates|affirmed|affirms|recounted|recounts|boasted|boasts|conceded|"
    r"answered|answers|read|reads|saying|telling|adding|urging|calling|describing|"
    r"expressing|noting|warning|arguing|insisting|stressing|declaring|writing|"
    r"tweeting|posting|asking|answering|responding|replying|explaining|announcing|"
    r"yelling|shouting|claiming|suggesting|complaining|joking|quipping|boasting|"
    r"recalling|acknowledging|admitting|conceding|predicting|promising|vowing|pledging|"
    r"labeling|labelling|branding|dubbing|proclaimed|proclaims|proclaiming|cracked|"
    r"put it|puts it|shot back|fired back|hit back|pressed|mused|boomed|snapped|retorted|"
    r"interjected|exclaimed|scoffed|marveled|marvelled|pleaded|sighed|thundered|"
    r"bellowed|gushed|griped|grumbled|deadpanned|opined|reasoned|ventured|wondered|"
    r"chimed in|offered|issued a statement|released a statement|barked|charged|echoed|"
    r"exhorted|fumed|gloated|beamed|raged|groused|scolded|repeated|reacted|remarking|"
    r"interjecting|issued the following statement|released the following statement|sings|"
    r"sang|asserted|asserts|elaborated|elaborates|surmised|demurred|mocked|mocks|quipped|"
    r"conceded|recalled|averred|avers|reckoned|reckons|underlined|underlines|clarified|"
    r"clarifies|highlighted|highlights|alleged|alleges|alleging|contended|contends|"
    # (tabloid and celebrity copy; past tenses only where the present is also a noun:
    # "two blasts", "the slams")
    r"yells|revealed|reveals|revealing|confessed|confesses|slammed|blasted|penned|"
    r"captioned|captioning|sobbed|wept|screamed|teased|teases|hissed|laughed|raved|"
    r"raves|cried|gushes|whispers|"
    # (profiles and features, in the present as they tell it: `"…," she laughs.`)
    r"laughs|deadpans|muses|sighs|shrugs|shrugged|smiles|smiled|grins|grinned|chuckles|"
    r"chuckled|enthuses|enthused|marvels|beams|"
    # (court and council reporting)
    r"observing|contending|asserting|stating|maintaining|ruled"
)
# A verb that opens a sentence is capitalised and runs into the name after it:
# "Said Baker: …", "Added O'Neil: …". These one-word verbs are stripped from such runs.
_VERB_WORDS = frozenset(
    w for w in _VERBS.replace("labell?ed", "labeled|labelled").split("|")
    if w.isalpha()
)


def _spelled_out(alternatives: str) -> set[str]:
    """The words a `|`-separated list with `l?` and `[sz]` in it stands for."""
    words: set[str] = set()
    for w in alternatives.split("|"):
        forms = [w.replace("l?", "l", 1), w.replace("l?", "", 1)] if "l?" in w else [w]
        for f in forms:
            words.update({f.replace("[sz]", "s"), f.replace("[sz]", "z")} if "[sz]" in f else {f})
    return words


# (every verb starts with a lower-case letter, so the look-behind is all the start needs)
# capitalised words that open a run without being part of the name ("Said Baker")
_LEADING_WORDS = SENTENCE_OPENERS | _VERB_WORDS
_VERB_FORMS = _spelled_out(_VERBS)
_VERB_ALTS = trie(_VERB_FORMS)  # (one trie for every pattern below that needs the verbs)
_VERB_RE = re.compile(rf"(?<!\w){_VERB_ALTS}\b")
# A participle or an infinitive that hands the rest of a sentence to its subject, close
# before the quotation: `Weaver …, telling reporters, "…"`, `Mr. Lund seemed to mock
# his talk, saying at one point, "…"`, `Kemp was prompted to say, "…"`.
_HANDING_CUE_RE = re.compile(
    rf"(?<!\w)(?:{trie(w for w in _VERB_FORMS if w.endswith('ing'))}|to (?:say|tell|"
    r"ask|add|write|tweet|declare|announce|respond|reply))\b[^.!?…\"“”]{0,40}$"
)

# a title or suffix with its full stop, from the lexicon ("Lt.", "Sen.", "Jr.")
_ABBR = rf"(?:{trie(sorted(a.capitalize() for a in NAME_ABBREVIATIONS))})\."
_TOKEN = rf"(?:{_ABBR}|{_UP}\.(?:{_UP}\.)+|{_UP}\.(?=\s+{_UP})|{_UP}[\w]*(?:['’\-][\w]+)*)"
_PARTICLE = PARTICLE_PATTERN
# Arabic names: `Abdel Fattah el-Sisi`, `Ali al-Sistani`
_ARTICLE_TOKEN = r"(?:al|el|ad|as|ash|at|ar|an|ez|az)-[\w'’]+"
_ARTICLE_TOKEN_RE = re.compile(_ARTICLE_TOKEN)
# (a set for whole-word tests: a fullmatch of the alternation costs a regex call)
_PARTICLES = PARTICLES
# (a no-break space joins a name's words as often as a space: "Stu\xa0Burguiere")
_RUN = rf"{_TOKEN}(?:[ \t\xa0]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_TOKEN}|{_ARTICLE_TOKEN}))*"
_RUN_RE = re.compile(rf"(?={_UP}){_RUN}")
# An abbreviated title just before a name, which a later "the senator" refers back to.
_TITLE_BEFORE_RE = re.compile(
    rf"\b({trie(k.capitalize() for k in TITLE_REFERENCES if len(k) <= 4)})\.\s+$"
)
# A round-up's line: a name, a comma, whom they speak for, a colon (`Ann Lee, Daily Planet:`).
_ROUND_UP_RE = re.compile(rf"\s*((?={_UP}){_RUN}),[ \t]+(?={_UP}){_RUN}:")
# A quotation's speaker named on a line of its own under it: "- Bernie Sanders."
_DASH_LINE_RE = re.compile(r"[ \t]*[-—–][ \t]*(?P<name>[^\n]{2,80}?)[ \t]*[.,]?[ \t]*$")
# A sentence opened by its verb: 'Said Dorothy Poynter, who grew up with him, "…"'
_VERB_FIRST_RE = re.compile(r"\s*(?:Said|Added|Asked|Wrote|Tweeted|Explained)\s+")
# A sentence that only says who spoke, after a quotation that ended its own sentence:
# `"… missing." Kemp said.`
_SAID_SENTENCE_RE = re.compile(
    rf"\s*(?:(?:{_RUN})|[Hh]e|[Ss]he)\s+(?:{_VERB_ALTS})\b[^.!?…\"“”]{{0,40}}[.!]\s*$"
)
# A cue that attributes the whole sentence before it, and says nothing of its own:
# `…, while the states "better reflect the nation," Mook wrote (in a memo).` (where
# `…, Hill said talks continued` is a clause of its own).
_BARE_CUE_RE = re.compile(
    rf"[\s,]*(?:(?:{_RUN}|[Hh]e|[Ss]he|[Tt]hey)\s+(?:{_VERB_ALTS})|(?:{_VERB_ALTS})\s+{_RUN})\b"
    r"(?:\s+(?:in|on|at|to|during|last|this|after|before|of|from|via|by|with|earlier|later)"
    r"\b[^.!?…\"“”]{0,40})?\s*[.!]?\s*$"
)
# A verb's clause that depends on another: a relative one (`who has said`, whose subject
# is the name before it) or one a conjunction opens (`after Jones assured Trump`).
_DEPENDENT_RE = re.compile(
    r"\s*(?:after|before|when|while|because|since|although|though|if|until|once)\b",
    re.IGNORECASE,
)
_SUBORDINATE_RE = re.compile(
    rf"^{_DEPENDENT_RE.pattern}|^\s*as\b"
    r"|\b(?:who|which|that)\s+(?:\S+\s+)?(?:(?:has|have|had|was|is|would|will|also"
    r"|[a-z]+ly)\s+){0,2}$|\bwhose(?:\s+\S+){1,5}\s+$",
    re.IGNORECASE,
)
# A second clause with a subject of its own: `…, and Ann Lee agreed`, `…, but she`.
_ANOTHER_SUBJECT_RE = re.compile(r"[,;]\s+(?:and|but|while|as|whereas)\s+(?:[A-Z]|s?he\b)")
# A cue right after a question or an exclamation, capitalised as a new sentence would be:
# `"Who are they?" Kim asked of the firm`, `"Never!" Officer Lee Park shouted`.
_CUE_AFTER_MARK_RE = re.compile(
    rf"[ \t]*(?:{_RUN}|[Hh]e|[Ss]he)(?:[ \t]+[a-z]+ly)?[ \t]+(?:{_VERB_ALTS})\b"
)
# Runs for the name registry: no abbreviations ("Lt. Col. Dave Eastburn" gives "Lt", "Col"
# and "Dave Eastburn", and titles are dropped anyway), five times faster to scan for. (It
# opens with a bare class, not a look-ahead, so the scanner skips to capitals by itself.)
_NAME_RUN_RE = re.compile(
    rf"{_UP}[\w'’\-]*"
    # (a middle initial keeps the run whole: "Harry M. Reid", "Joseph R. Biden"; so do
    # initials run together after a title: "Chief Minister K.R. Elangovan")
    rf"(?:[ \t\xa0]+(?:{_PARTICLE}[ \t]+){{0,2}}"
    rf"(?:{_UP}\.(?:{_UP}\.){{0,2}}(?=[ \t]+{_UP}[\w'’\-]{{2}})|{_UP}[\w'’\-]*|{_ARTICLE_TOKEN}))*"
)
# a character that may be part of such a run
_RUN_CHAR_RE = re.compile(r"[\w'’\- \t\xa0]")
_RUN_END_RE = re.compile(rf"(?={_UP})(?<![^\s(“\"‘'—–])({_RUN})$")
# (a rank's ordinal counts as a role's word: `said Air Force 1st Lt. Ann Lee`)
_ROLE_THEN_NAME_RE = re.compile(
    rf"[ \t\xa0]+((?:(?:[a-z][\w-]*|\d+(?:st|nd|rd|th))[ \t\xa0]+){{1,3}})({_RUN})"
)
# words that show the lower-case words after a name are not a role before another name
_NOT_ROLE_WORDS = frozenset(
    """of at in for from with and or to on the a an said says told who which that after
    before as by when while but""".split()
)
_RUN_START_RE = re.compile(rf"\s*((?:[a-z][\w-]*\s+){{0,6}}?)(?:the\s+)?({_RUN})")
_ORG_NP_END_RE = re.compile(
    rf"(?={_UP}|t)(?<!\w)((?:[Tt]he\s+)?(?:{_RUN}(?:['’]s)?\s+)(?:[a-z][\w-]*\s+){{0,3}}(?:{_ORG_HEADS_LOWER}))$"
)
# the words _ORG_HEADS_LOWER matches, as a set: a cheap test before the end-anchored search
_ORG_HEAD_WORDS = frozenset(
    _ORG_HEADS_LOWER.replace("spokes(?:man|woman|person)", "spokesman|spokeswoman|spokesperson")
    .split("|")
)
# an `of` or `for` between words, without which _ORG_OF_END_RE cannot match
_OF_FOR_RE = re.compile(r"\s(?:of|for)\s")
# lower-case words that can end a subject: `the presidential office`, `the company`, `the
# spokesman`
_LOWER_HEADS = BODY_NOUNS | _ORG_HEAD_WORDS
# `the minister said`, `the foreign minister said`: a title used as a name
_ROLE_END_RE = re.compile(r"(?=[Tt])(?<!\S)[Tt]he\s+(?:[a-z]+\s+){0,2}([a-z]+)$")
# `the Ohio senator said`, `the Toledo businessman said`: a title after a place (or a
# party) that says where the holder is from (see _placed_role)
_PLACED_ROLE_END_RE = re.compile(
    rf"(?=[Tt])(?<!\S)[Tt]he\s+({_UP}[\w.'’-]*(?:\s+{_UP}[\w.'’-]*){{0,2}})\s+([a-z]+)$"
)
# `the senator from Ohio said`, `the governor of Idaho said`
_ROLE_OF_PLACE_END_RE = re.compile(
    rf"(?=[Tt])(?<!\S)[Tt]he\s+([a-z]+)\s+(?:from|of)\s+"
    rf"({_UP}[\w.'’-]*(?:\s+{_UP}[\w.'’-]*){{0,2}})\s*$"
)
# `the company said`: an organisation named earlier, by the kind of thing it is
_DEFINITE_ORG_END_RE = re.compile(
    r"(?=[Tt])(?<!\S)[Tt]he\s+(organi[sz]ation|company|firm|group|agency|ministry|department|"
    r"union|authority|council|committee|commission|government|bank|party|institute|"
    r"university|foundation|association|alliance|board|club|league|network|office|court|"
    r"tribunal|bench|force)$"
)
# `the US Department of Defense`, `the Bank of England`
_ORG_OF_END_RE = re.compile(
    rf"(?={_UP}|t)(?<!\w)((?:[Tt]he\s+)?({_RUN})\s+(?:of|for)\s+(?:the\s+)?{_RUN})$"
)
# what extends an organisation's name: `Department | for Environment`
_ORG_TAIL_RE = re.compile(
    rf"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_UP}[\w'’\-]*(?:[ \t]+{_UP}[\w'’\-]*)*"
)
# A name that opens a subject and an appositive after it: `Cecelia Purner, 67, a …`.
_APPOSED_HEAD_RE = re.compile(rf"[ \t\n]*(?:[—–-][ \t]*)?((?={_UP}){_RUN}),[ \t]+(?=[a-z\d])")
# A preposition, perhaps with an article, just before a run: what the run is in a
# noun's complement (`a clerk in | Allentown`), not a subject.
_AFTER_PREPOSITION_RE = re.compile(r"\b(?:in|at|of|for|from|with|to|by|near|on)\s+(?:the\s+)?$")
# A role after a possessive, then the name: `Kerr's chief policy aide | Lena Olsen`.
_POSSESSED_ROLE_RE = re.compile(rf"[ \t\xa0]+((?:[a-z][\w-]*[ \t\xa0]+){{1,5}})({_RUN})")
# ... or after a comma: `Kerr's introducer, actress | Lena Olsen`.
_ROLE_APPOSITIVE_RE = re.compile(
    rf"^[^,\"“”]{{1,60}},\s+((?:[a-z][\w-]*\s+){{1,3}})({_RUN})(?=\s*(?:[,.;]|$))"
)
# A place and its state or country closing an appositive: `Pond, 30, of Dayton, | Ohio.`
_AFTER_PLACE_RE = re.compile(rf"\b(?:in|at|of|from|near)\s+(?:the\s+)?{_RUN},\s*$")
_APPOSITIVE_NAME_RE = re.compile(
    rf"^[^,\"“”]{{1,60}},\s+({_RUN})(?=\s*(?:[,.;]|$)|\s+(?:of|from|at|who)\s)"
)
_OF_TAIL_RE = re.compile(
    rf"(?={_UP})(?<!\S)({_RUN}),?\s+(?:of|from|at|with)\s+(?:the\s+|an?\s+)?"
    # (lower-case words, or a place's with its hyphen: `of the Manila-based firm`)
    r"(?:(?:[a-z][\w-]*|[A-Z][\w.]*-[a-z]+)\s+){0,4}$"
)
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i"))
# (the article apart: a name follows it, or a description it opens)
_ACCORDING_ANY_RE = re.compile(r"\b[Aa]ccording to\s+((?:the|a|an)\s+)?")
_ACCORDING_RE = re.compile(r"^[\s,;—–-]*according to\s+((?:the|a|an)\s+)?")
# A name after a dash that follows the quotation, as live pages, round-ups and pull
# quotes credit their speaker: `"This is a historic night," – Ann Lee, in Holborn.`
_DASH_NAME_RE = re.compile(
    rf"[ \t]*,?[ \t]*[—–-][ \t]*(?={_UP})({_RUN})"
    r"(?=[ \t]*(?:\.?[ \t]*(?:\n|$)|,[ \t]+[a-z]|\())"
)
# Words and phrases that stand between a subject and its verb ("Kim also said",
# "he's reported to have said", "the ministry in a statement said").
_TAIL_WORDS = frozenset(
    """also reportedly later earlier previously then again further separately publicly
    however nonetheless nevertheless
    privately repeatedly recently once has had have would will could may might did does
    do is was were are been only just first immediately quickly flatly firmly angrily
    simply even often sometimes usually always never still on last this today yesterday
    tonight monday tuesday wednesday thursday
    friday saturday sunday morning afternoon evening night week month year""".split()
)
_TAIL_PHRASES = (
    "in a statement", "in an interview", "in a speech", "in a post", "in a tweet",
    "reported to have", "quoted as having", "said to have", "understood to have",
)
# The longest a sentence is taken to be, in characters.
_SENTENCE_REACH = 600
# How far before its verb a subject (with its appositive) may start, in characters.
_SUBJECT_REACH = 320
# Words that may open a clause before its subject's name (`But Ann Lee, who …, said`).
_CLAUSE_OPENERS = frozenset(("But", "And", "Yet", "So", "Still", "Now", "Meanwhile,"))
# How long a noun phrase before a verb may be, in characters.
_NP_REACH = 160
# How far back a pronoun looks for its person, in characters.
_PRONOUN_REACH = 2500


# How many of the people named before a pronoun are weighed as what it stands for, as
# subjects or speakers, before the nearest name is taken (further back, a subject is
# less likely the one meant than the name just before; on real news 4 to 6 do best).
_SUBJECTS_LOOKED = 5
# Words after which a name is an object, not a subject ("with Park", "told Park").
_NOT_BEFORE_SUBJECT = frozenset(
    """of to with by for from at about against on in into than like as over under after
    before between among toward towards without behind beside via per told asked thanked
    called named urged met joined""".split()
)
# What may stand just before a clause's subject: a sentence's or a clause's start...
_CLAUSE_OPENERS = frozenset(".!?:;,(—–-\n\"“”'’")
# ... or a conjunction joining two main clauses ("and Park said").
_CONJUNCTIONS = frozenset("and but then so also".split())
# Verbs in the past that do not end in -ed, and negated auxiliaries.
_IRREGULAR_VERBS = (
    "took|made|gave|went|came|got|spoke|thought|felt|knew|sent|led|left|won|lost|ran|"
    "began|saw|heard|kept|held|met|paid|brought|bought|sat|stood|put|set|became|found|"
    "grew|drove|flew|chose|rose|fell|fought|sought|taught|meant|spent|struck|wore|"
    "shook|broke|drew|threw|swore|woke|hid|hung|shot|slid|spun|stuck|swam|swung|tore|"
    "wept|lay|laid|rang|sang|sank|hit|quit|let|cut|beat|caught|clung|crept|dealt|dug|"
    "fed|fled|flung|forgot|forgave|froze|hurt|knelt|lit|lent|rode|sold|shone|shrank|"
    "slept|sped|spat|spread|sprang|stole|strode|swept|understood|withdrew|bore|bent|"
    "built|burst|cast|leapt|mistook|overcame|overtook|upheld|"
    "isn't|wasn't|doesn't|didn't|won't|wouldn't|can't|couldn't|hasn't|hadn't|"
    "isn’t|wasn’t|doesn’t|didn’t|won’t|wouldn’t|can’t|couldn’t|hasn’t|hadn’t"
)
# Capitalised words that may open a subject's clause ("Meanwhile Park said") or end a
# title before the name ("Secretary of State Park said", "Democratic strategist Park").
_OPENING_WORDS = FUNCTION_WORDS | _TITLE_WORDS | DEPARTMENT_WORDS
# What ends the name of an inverted reporting clause's speaker (`…, said Park, a lawyer`).
_SPEAKER_END_RE = re.compile(r"[ \t]*(?:[,.;:—–]|\([^()\n]{1,40}\)|$)")


def _is_plain_noun(word: str) -> bool:
    """A lower-case word that may be a noun heading a subject before its name
    ("spokesman", "adviser"): not a function word nor a verb."""
    return (
        word.isalpha()
        and word.islower()
        and word not in FUNCTION_WORDS
        and word not in _VERB_FORMS
        and not word.endswith("ed")
        and word not in _NOT_BEFORE_SUBJECT
    )


# What follows a subject: its verb, perhaps after an appositive between commas ("Park,
# a lawyer for the family, said"), a parenthesis ("Park (D-Ohio) said"), an auxiliary
# or an adverb ("Park also said", "Park has long argued").
_VERB_AFTER_SUBJECT_RE = re.compile(
    r"(?:(?<=\bJr)\.|(?<=\bSr)\.)?"  # (the full stop of a suffix the run ends with)
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    r"(?:[ \t]+of[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"  # "Park of Ohio"
    r"(?:(?:,[ \t]+(?:[^,;!?\n.“\"]|\.(?![ \t]+[A-Z])|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|"
    # (and the comma or the point inside a figure: "who lost £68,000, said")
    r"(?<=\b[A-Z][a-z]{2})\.|(?<=\d)[,.](?=\d)){1,140}){1,3},[\"”’']*)?"
    # (or between dashes: "Park — a lawyer for the family — said", "Park -- a lawyer --",
    # "Park, 58 - known to regulars as 'Mad Mick' - said")
    r"(?:,[ \t]+\d{1,3}(?=[ \t]+[-—–]))?"
    r"(?:[ \t]+(?:[—–][^—–\n]{1,200}[—–]|--[^—–\n]{1,200}?--|-[ \t][^—–\n]{1,200}?[ \t]-))?"
    # (after an appositive's closing comma too: "The chairman, Joseph Dunford, recently
    # asked")
    r"(?:,?[ \t]+(?:himself|herself|also|then|later|again|now|still|has|had|have|would|will|"
    r"could|can|may|earlier|first|previously|recently|initially|already|even|too|all but|"
    r"at[ \t]+the[ \t]+time|[A-Z][a-z]+day|(?:this|last)(?:[ \t]+past)?[ \t]+"
    r"(?:week|weekend|month|year)|"
    r"might|did|does|do|is|was|were|once|never|only|just|long|often|[a-z]+ly)){0,3}"
    rf",?[ \t]+(?:{_VERB_ALTS}\b|[a-z]{{3,}}(?:ed|[^s\W]s)\b|(?:{_IRREGULAR_VERBS})(?!\w)|is\b|"
    r"was\b|has\b|had\b|will\b|would\b|could\b|can\b|did\b|does\b|may\b|might\b|should\b|"
    r"must\b)"
)

# What follows a subject that reports about itself, and the pronoun that gives its
# gender: `Kim said he`, `Kim told reporters that she`, `Kim later wrote he`.
_SAID_PRONOUN_RE = re.compile(
    r"(?:[ \t]+(?:also|then|later|again|[a-z]+ly)){0,2}"
    rf"[ \t]+(?:{_VERB_ALTS})(?:[ \t]+[a-z]+)?,?[ \t]+(?:that[ \t]+)?(he|she)\b"
)

# An honorific just before a lone name, and the gender it gives ("Mrs. Clinton").
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.?[ \t]+$")
# Conjunctions and adverbs that open a sentence before its subject ("And then Kim …").
_LEADING_CONJUNCTION_RE = re.compile(r"(?:(?:And|But|So|Then|Yet|then|also)[ \t]+){1,2}(?=[A-Z])")
# An honorific or a rank written short, whose full stop ends no sentence ("Mr.", "Sen.").
_SHORT_TITLE_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Prof|Rev|Lt|Col|Sgt|Adm|Capt|Maj|Cmdr|Supt)\."
)
_HONORIFIC_GENDER = {
    "Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female", "Mzee": "male",
    "Madam": "female", "Sir": "male", "Dame": "female", "Lady": "female", "Lord": "male",
    "Ratu": "male", "Datin": "female",
}
# How many people of one surname a gendered look-up weighs.
_NAMESAKES = 6

_offset = itemgetter(0)
_DROPPED = (-1, "")  # a name left out of the registry's persons


def _strip_possessive(token: str) -> str:
    return token[:-2] if token.endswith(("'s", "’s")) else token


def _key(token: str) -> str:
    return token.rstrip(".").casefold()


