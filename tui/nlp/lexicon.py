"""Closed word classes the entity and speaker rules read as cues: one lexicon for both.

These are general properties of English news prose (function words, honorifics, the head
nouns of organisation and place names, wire agencies), not names from any one corpus.
Every word is stored casefolded and without a final full stop.
"""

from __future__ import annotations

# The entity types, here rather than with the rules so that a caller can name them
# without paying for compiling the rules (the command line's --type choices).
PERSON, ORG, PLACE, OTHER = "PERSON", "ORG", "PLACE", "OTHER"
TYPES = (PERSON, ORG, PLACE, OTHER)

# Number words: a capitalised plural after one counts things or people ("three
# Quibbles"), it names no body.
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    dozen dozens half
    """.split()
)
# Prepositions that open a phrase of place, time or manner before a sentence's subject
# ("In Columbia, Sanders …", "After the rally, she …"), never the subject itself.
PREPOSITIONS = frozenset(
    """
    about above across after against along amid amidst among around at before behind
    below beneath beside between beyond by despite during for from in inside into near
    of off on onto outside over past since through throughout to toward towards under
    unlike until upon via with within without
    """.split()
)
# Words that start a sentence or a capitalised run without being part of a name.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its it's he she we they i you his her our
    their my your me him us them who whom whose what which when where why how whether if
    and or but nor so yet for because although though while whilst as since until unless
    after before during despite amid amidst among between against without within through
    throughout under over above below across behind beyond into onto upon toward towards
    from to of in on at by with about around near like unlike via per than then also
    however meanwhile still instead indeed moreover furthermore nevertheless nonetheless
    otherwise thus hence therefore besides additionally separately overall altogether
    earlier later today tonight yesterday tomorrow now once soon already recently finally
    first second third last next only even just most more many much some any all both
    each every either neither no not none several few other another such same own
    according asked speaking following given including excluding regarding concerning
    let lets please yes yeah oh well anyway perhaps maybe sometimes often never always
    again almost nearly rather quite very too thanks thank dear hello hi sorry ok okay
    is are was were be been being has have had do does did will would shall should can
    could may might must
    everyone everybody everything someone somebody something anyone anybody anything
    nobody nothing others
    """.split()
) | frozenset(
    # contractions ("I'm", "We're", "Don't"), with either apostrophe
    f"{word}{mark}{ending}"
    for mark in "'’"
    for word, endings in (
        ("i", "m ve d ll"), ("we", "re ve d ll"), ("you", "re ve d ll"),
        ("they", "re ve d ll"), ("he", "s d ll"), ("she", "s d ll"), ("it", "s d ll"),
        ("that", "s d ll"), ("there", "s d ll re"), ("here", "s"), ("what", "s d ll re"),
        ("who", "s d ll re ve"), ("let", "s"), ("how", "s"), ("where", "s"),
        ("don", "t"), ("doesn", "t"), ("didn", "t"), ("won", "t"), ("can", "t"),
        ("isn", "t"), ("aren", "t"), ("wasn", "t"), ("weren", "t"), ("hasn", "t"),
        ("haven", "t"), ("hadn", "t"), ("wouldn", "t"), ("shouldn", "t"), ("couldn", "t"),
        ("ain", "t"), ("mustn", "t"),
    )
    for ending in endings.split()
) | NUMBER_WORDS  # "One of the suspects ...", "Two weeks later ..."
# Function words that are also common given names: before a surname they open a name
# ("Will Hollis", "May Lee"), not a sentence.
NAME_FUNCTION_WORDS = frozenset(("will", "may"))

DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Weekdays written short, which after "the" name a paper ("told the Sun") as often.
SHORT_DAYS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
WEEKDAYS = DAY_NAMES | SHORT_DAYS
# What a weekday names with: papers ("The Sunday Times", "the Sunday Mail") and accords
# ("the Good Friday Agreement"), where the day is no date.
DAY_NAMED_HEADS = frozenset(
    "times telegraph post mirror express herald independent mail tribune observer star "
    "agreement accord".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Dates that are never part of a name: not "May" (Theresa May), nor "Sun" or "Wed".
DATE_NAMES = DAY_NAMES | MONTHS.difference({"may"})

# Capitalised at a sentence's start, never a name's first word ("People who…", "Police
# said"): the function words, two collective nouns that open sentences, and the
# imperatives that open a reader's aside ("(See Kim's map below.)").
SENTENCE_OPENERS = FUNCTION_WORDS | frozenset(
    ("people", "police", "see", "watch", "click", "listen", "visit")
)

# Honorifics and offices. A run that ends in one of these before a name is a title.
TITLE_HEADS = frozenset(
    """
    president minister secretary chancellor premier king queen prince princess emperor
    empress pope mr mrs ms miss mx dr prof professor sir dame lord lady gen general lt col
    colonel maj major capt captain sgt sergeant adm admiral cmdr commander lieutenant
    corporal cpl pvt private brig brigadier marshal sen senator rep representative
    congressman congresswoman gov governor mayor judge justice director adviser advisor
    ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chairperson
    chair ceo cfo coo chief leader speaker rev reverend father sheikh sheikha ayatollah imam rabbi
    bishop cardinal archbishop commissioner inspector detective det supt superintendent
    constable officer attorney chancellor treasurer president-elect vice-president
    executive mp mep msp mla administrator secretary-general director-general
    attorney-general governor-general
    whip vp editor-in-chief sens reps govs committeeman committeewoman
    agent councillor councilman counsellor counselor legislator undersecretary
    councilwoman councilmember councilor alderman alderwoman alderperson selectman
    selectwoman supervisor
    cllr coun cr insp const cst baroness viscount viscountess countess duchess marquess
    taoiseach tánaiste tanaiste
    datuk dato datin tun tunku tengku alhaji alhaja hajiya hajia comrade shri smt shrimati fr
    mzee madam engr ing togbe osabarima nii cde ratu dasho ven
    hon honourable honorable opanin alhagie magistrate cathaoirleach atty khun
    maulana mufti allama havildar naik sepoy subedar sipahi
    commodore cmde specialist spc pfc airman seaman ensign midshipman warrant petty reeve
    class
    senators representatives congressmen congresswomen governors mayors ministers
    presidents professors generals ambassadors judges justices commissioners
    trustees councillors councilors aldermen
    """.split()
)
# What an abbreviated title is called when the text refers back to its holder: "Sen.
# Ann Lee … the senator said", "Rep. Tom Dunn … the congressman said".
TITLE_REFERENCES = {
    "sen": frozenset({"senator"}),
    "sens": frozenset({"senators"}),
    "rep": frozenset({"representative", "congressman", "congresswoman", "lawmaker"}),
    "reps": frozenset({"representatives", "lawmakers"}),
    "gov": frozenset({"governor"}),
    "govs": frozenset({"governors"}),
    "gen": frozenset({"general"}),
    "lt": frozenset({"lieutenant"}),
    "col": frozenset({"colonel"}),
    "maj": frozenset({"major"}),
    "capt": frozenset({"captain"}),
    "sgt": frozenset({"sergeant"}),
    "adm": frozenset({"admiral"}),
    "cmdr": frozenset({"commander"}),
    "prof": frozenset({"professor"}),
    "supt": frozenset({"superintendent"}),
    "det": frozenset({"detective"}),
    "rev": frozenset({"reverend"}),
    "cllr": frozenset({"councillor", "councilor"}),
    "coun": frozenset({"councillor", "councilor"}),
    "cr": frozenset({"councillor", "councilor"}),
    "const": frozenset({"constable", "officer"}),
    "cst": frozenset({"constable", "officer"}),
    "insp": frozenset({"inspector"}),
    "atty": frozenset({"attorney", "lawyer"}),
    "prime": frozenset({"premier"}),  # (of "Prime Minister": "the premier said")
    "senator": frozenset({"lawmaker", "legislator"}),
    "congressman": frozenset({"lawmaker", "legislator"}),
    "congresswoman": frozenset({"lawmaker", "legislator"}),
    "representative": frozenset({"lawmaker", "legislator", "congressman", "congresswoman"}),
    # (a member of a parliament or an assembly: "Kisumu Central MP Joshua Okello", then
    # "the lawmaker said")
    "mp": frozenset({"lawmaker", "legislator"}),
    "mla": frozenset({"lawmaker", "legislator"}),
    "mpp": frozenset({"lawmaker", "legislator"}),
    "td": frozenset({"lawmaker", "legislator"}),
    # a foreign minister or secretary, an ambassador and an envoy are "the diplomat"
    "foreign": frozenset({"diplomat"}),
    "ambassador": frozenset({"diplomat", "envoy"}),
    "envoy": frozenset({"diplomat"}),
    # a club's manager or coach is "the boss"
    "manager": frozenset({"boss"}),
    "coach": frozenset({"boss"}),
    # the judges of British and Commonwealth courts ("Mr Justice Hart", "Recorder Lee",
    # "Sheriff Principal Ann Lee"), whom the story then calls "the judge"
    "justice": frozenset({"judge"}),
    "recorder": frozenset({"judge"}),
    "magistrate": frozenset({"judge"}),
}
# Words that say when or how someone holds an office, before its title or a name:
# "Former Gov. Jeb Bush", "Acting Director".
OFFICE_QUALIFIERS = frozenset(
    "former then acting interim late outgoing incoming retired ex onetime one-time".split()
)
# Department words that name the department alone too ("the Treasury said"), where the
# others name an office only with a title ("Defense Secretary").
BODIES_ALONE = frozenset("treasury exchequer".split())
# Words that may sit inside a title before its head ("Chief Cabinet Secretary").
TITLE_WORDS = TITLE_HEADS | frozenset(
    """
    vice deputy assistant associate acting interim former late senior junior special
    foreign defence defense cabinet finance trade interior home security national
    state affairs justice health commerce energy industry treasury homeland unification
    economy economic education labour labor transport agriculture environment culture
    information intelligence military prime crown supreme executive managing general
    first high grand chief principal permanent parliamentary presidential royal
    majority minority ranking investigative head under seri
    """.split()
)
# Abbreviations that keep their full stop inside a name: titles and ranks ("Lt. Col. Dave
# Eastburn", "Sen. Warren"), name suffixes ("Jr.") and company suffixes ("Acme Co. Ltd.").
NAME_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen sens rep reps gov gen gens col lt capt sgt maj adm cmdr brig
    cpl pvt det rev hon pres supt insp amb cllr coun const cst atty spc pfc cmde
    jr sr st mt ft co inc ltd corp bros
    """.split()
)
# Words that end in a full stop without ending a sentence: the above, months before a day
# ("Aug. 15"), and the shorthands of news copy ("vs.", "approx.", "et al.").
STOP_ABBREVIATIONS = NAME_ABBREVIATIONS | frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec
    cpt cdr sec dept univ assn est approx plc vs etc al cf ca
    """.split()
)
# Department words that follow "Secretary of" / "Minister for" inside a title ("Chief of
# Staff" too).
DEPARTMENT_WORDS = frozenset(
    """
    state defence defense foreign affairs justice health commerce energy industry
    treasury homeland security unification economy education labour labor transport
    agriculture environment culture trade finance interior home war navy army staff police
    """.split()
)

ORG_HEADS = frozenset(
    """
    council ministry department party institute institution agency court times post
    journal herald tribune gazette telegraph guardian observer chronicle daily weekly news
    press committee commission assembly parliament congress senate house bank university
    college school academy corp corporation inc ltd llc plc co company companies group
    limited incorporated llp gmbh pty
    holdings association federation union organization organisation league office bureau
    service services forces army navy force guard guards police embassy consulate
    administration foundation center centre fund authority board government club network
    society church motors airlines airways electric electronics industries technologies
    systems labs laboratories exchange reserve command secretariat directorate tribunal
    team front movement brigade coalition cabinet partners capital ventures media
    broadcasting television radio channel studio studios cross crescent laboratory lab
    rovers rangers wanderers athletic albion fc afc cf
    pac watch caucus brotherhood communications globe sentinel register inquirer
    examiner courier dispatch monitor magazine insider
    alliance headquarters presidency military records pictures software confederation
    trust homes telecom telecoms pharmaceuticals logistics
    management securities advisors advisers investments platforms bancorp therapeutics
    pharma biosciences biotech realty equities energy minerals brands foods
    aerospace dynamics insurance entertainment motor petroleum chemicals automotive
    airline division patrol
    """.split()
)
# Buildings that speak for a government: "the Kremlin said", "the Pentagon said".
SEATS_OF_POWER = frozenset("kremlin pentagon whitehouse elysee élysée vatican".split())
# The residences of heads of state and government, folded. The news names them for the
# government inside ("the White House said"), as it names a capital for its country
# ("Washington warned"); like the capital, the name is a place's whatever it stands for.
# (A department's building, such as the Pentagon, reads as the department, and stays a
# body.)
RESIDENCES = frozenset({
    "white house", "kremlin", "elysee", "elysee palace", "blue house", "zhongnanhai",
    "downing street", "10 downing street",
})
# Places that are also institutions: a spokesman speaks for one ("a spokeswoman for the
# Bronx Zoo"), and the names of people are given to them ("Harlow Museum").
# ("Gallery" is left out: it is a family name as often; so are "Bar" and "Inn".)
VENUES = frozenset(
    """museum library hospital clinic theater theatre zoo cafe café restaurant bistro
    pub tavern bakery diner hotel""".split()
)
PLACE_HEADS = frozenset(
    """
    sea ocean peninsula strait straits gulf bay river island islands isles mountains
    mountain mount lake valley province prefecture county region desert coast canal
    square street avenue road airport station bridge harbour harbor port district
    territory territories plateau basin delta highlands state gate tower palace castle
    cathedral temple mosque shrine stadium arena wall monument memorial park gardens garden
    hill hills heights beach forest
    waters lakes falls springs plains lowlands wetlands marshes dunes cliffs range ridge
    canyon glacier reef lagoon fjord horn isthmus archipelago atoll shoal shoals cay cays
    boulevard oblast canton voivodeship krai
    terrace parkway trail highway motorway freeway expressway building
    belt
    """.split()
) | VENUES
# Titles of nobility and of the church styled after a place, which name their holder:
# "the Duke of Sussex", "the Archbishop of Canterbury", "the Earl of Devon". (Not "king"
# or "queen": "King of Prussia" is a town, "Queen of the South" a club.)
STYLED_TITLES = frozenset(
    """prince princess duke duchess earl countess marquess marchioness viscount
    viscountess baron baroness archbishop bishop""".split()
)
# Plural nouns for the members of a body: "Friends of the Earth", "Daughters of the
# American Revolution", "Knights of Columbus". Before "of" they head an organisation.
MEMBER_PLURALS = frozenset(
    """
    friends sons daughters knights sisters brothers veterans citizens mothers fathers
    parents families defenders guardians keepers trustees fellows servants soldiers
    """.split()
)
# Words that name a place when they lead: "Mount Fuji", "Lake Geneva".
# Words that make a run a place rather than a name where they open or end it ("North
# Carolina", "Hong Kong City"): place heads, compass words and the words of state names.
PLACE_WORDS = PLACE_HEADS | frozenset(
    """
    north south east west northeast northwest southeast southwest central city kingdom
    republic union states new
    """.split()
)
PLACE_LEADS = frozenset(
    "mount mt lake cape isle fort port gulf bay strait county co barangay".split()
)
OTHER_HEADS = frozenset(
    """
    agreement agreements treaty accord accords pact act law bill convention protocol war
    wars revolution uprising summit games olympics olympic cup championship championships
    festival award awards prize declaration charter doctrine initiative plan resolution
    deal crisis conference forum strategy program programme project operation index
    election elections referendum constitution amendment memorandum framework marathon
    tournament race grand prix open series expo
    day eve bowl show tonight live security week
    """.split()
)
OTHER_LEADS = frozenset("operation article chapter".split())

# Wire services and their usual short names: cited everywhere in news text.
NEWS_AGENCIES = frozenset(
    """
    reuters ap afp associated press bloomberg yonhap kyodo xinhua tass interfax upi efe
    ansa dpa pti ani anadolu bernama antara kcna ria novosti jiji cna aap getty
    """.split()
) | frozenset(
    {"associated press", "agence france-presse", "agence france presse", "ria novosti",
     "press trust of india", "australian associated press", "jiji press", "kyodo news",
     "getty images"}
)

# Nouns for people, used as context: "security expert Ankit Panda", "X, a spokesman".
PERSON_ROLES = frozenset(
    """
    spokesman spokeswoman spokesperson analyst expert minister secretary envoy adviser
    advisor director counterpart president chairman chairwoman professor official
    lawmaker senator leader fellow researcher economist correspondent reporter editor
    author writer founder ceo chief executive lawyer attorney judge ambassador diplomat
    solicitor barrister
    activist candidate governor mayor negotiator commander general colonel officer
    scholar historian strategist adviser aide consultant coach manager boss player actor
    singer
    striker midfielder defender goalkeeper winger quarterback pitcher batsman bowler
    actress comedian host anchor pastor columnist commentator pollster businessman
    businesswoman billionaire entrepreneur rapper musician filmmaker
    goaltender goalie defenceman defenseman fullback halfback ruckman skipper
    spinner paceman wicketkeeper jockey farmer nurse prosecutor selector
    convenor convener homeowner neighbor neighbour resident commuter motorist bystander
    survivor shopper retiree viewer reader listener
    midwife surgeon matron paramedic fisherman fisherwoman engineer
    """.split()
)
# Offices and roles news writing puts before a name ("County Recorder Ann Lee", "Labour
# TD Niamh Corrigan"), beyond the roles above: read as titles by the speaker rules, and
# as titles before a full name only ("TD Garden" is no title and a name).
OFFICES = frozenset(
    """counsel advocate journalist recorder sheriff clerk auditor comptroller controller
    assessor coroner trustee organizer organiser coordinator delegate co-anchor co-host
    co-founder co-chair co-chairman co-chairwoman td garda""".split()
)
PERSON_VERBS = frozenset("said says told added noted argued wrote explained warned asked".split())
ORG_CONTEXT_AFTER = (
    "reported", "reports", "news agency", "quoted", "can reveal", "can exclusively reveal",
    "understands that", "has learned", "has learnt",
)

# Second parts of hyphenated modifiers: "Seoul-based", "Kremlin-backed".
HYPHEN_MODIFIERS = frozenset(
    """
    based led backed born style owned run made linked era funded controlled held bound
    wide related level sponsored friendly bashing centric focused allied aligned
    registered listed flagged origin type like era
    """.split()
)

# Generational suffixes after a surname ("Joseph R. Biden Jr.", "L. Brent Bozell III"):
# the surname is the word before them.
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Letters after a name that say an office or an honour, not part of the name: "Simon
# Delacroix KC", "Jane Okafor SAN", "Niamh Corrigan TD", "Sir Ian Hale OBE".
POST_NOMINALS = frozenset(
    "KC QC SC SAN BL MP MLA MEP MSP TD OBE MBE CBE KBE DBE FRS PhD Esq".split()
)
# Degrees written after a name and a comma, which a state's abbreviation may look like
# ("Helena Marr, M.D.,": no town in Maryland).
DEGREES = frozenset(("M.D.", "Ph.D.", "D.O.", "R.N.", "D.D.S.", "J.D."))
ROMAN_NUMERALS = frozenset("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv".split())

# Lower-case particles inside personal names: "Mohammed bin Salman", "Ursula von der Leyen",
# "Llywelyn ap Rhys".
PARTICLES = frozenset(
    "de da del della dela delos des der den van von ter ten bin binti ibn al el la le du "
    "dos das di zu y bint ap ab ferch arap".split()
)
# The same as a regex alternation, longest first, for the patterns that find names.
PARTICLE_PATTERN = "(?:" + "|".join(sorted(PARTICLES, key=lambda p: (-len(p), p))) + ")"
# The head nouns that type a name by the thing it names (a body, a thing, a place).
HEAD_WORDS = ORG_HEADS | OTHER_HEADS | PLACE_HEADS
# Words after which "of"/"for"/"on" continue a name: "Republic of Korea", "Sea of Japan".
JOIN_LEFT = (
    ORG_HEADS | PLACE_HEADS | OTHER_HEADS | TITLE_HEADS | PLACE_LEADS | MEMBER_PLURALS
    | frozenset("republic kingdom emirate state states people's duke duchess earl isle".split())
)

# Words that make a run of capitals an institution or a thing rather than a person.
NON_PERSON_WORDS = frozenset(
    """
    world international global national united royal federal central new general grand
    great big first red white blue black green golden digital capital free open public
    republic democratic people's union old city
    """.split()
)
# Plural people before "at": "analysts at Morgan Stanley" names an employer.
PEOPLE_AT = PERSON_ROLES | frozenset(
    "analysts economists scientists researchers officials executives engineers workers "
    "experts strategists lawyers doctors staff employees sources".split()
)
# Words before a name that make it a place: "the region of Emilia-Romagna".
PLACE_BEFORE = ("region of ", "city of ", "province of ", "town of ", "village of ",
                "state of ", "island of ", "county of ", "capital, ", "port of ",
                "barangay ", "flows into the ", "banks of the ", "river ",
                # (where people live: "residents of Naas", "a native of Kembujeh"; a
                # space before, as the words are matched with one: not "president of")
                " residents of ", " resident of ", " native of ", " outskirts of ",
                " suburb of ", " suburbs of ", " neighbourhood of ", " neighborhood of ",
                " municipality of ", " district of ", " hails from ", "villages of ",
                "towns of ", " parish of ", " parishes of ")
# A place's noun in lower case right after its name: "the Drina river", "the Mayon
# volcano", "Hatay province", "Bududa district", "Bukalasi sub-county". (Not "town",
# "city" or "county", which modify more often: "an MSNBC town hall", "a Fox county
# fair"; "the Bronx district attorney" is a place's district anyway.)
PLACE_NOUNS_AFTER = frozenset(
    """river valley volcano lake region province island peninsula mountains desert basin
    delta district sub-county subcounty municipality township governorate prefecture
    parish neighborhood neighbourhood suburb borough area village""".split()
)
PLACE_PREPOSITIONS = frozenset("in near outside".split())
# Nouns for a body that an appositive names: "The company, Twin Metals, said".
ORG_APPOSITIVE_NOUNS = frozenset(
    """
    company firm group agency organisation organization charity bank lender insurer
    retailer carmaker automaker airline startup manufacturer miner broadcaster publisher
    operator developer union club team party coalition foundation utility supplier
    conglomerate nonprofit
    """.split()
)
# Lower-case nouns for a body that speaks as one: "the company said", "the Trump
# campaign said", "the presidential office said".
BODY_NOUNS = frozenset(
    """
    administration agency alliance army association authority bank board cabinet campaign
    club commission committee company council court department embassy firm foundation
    government group institute league military ministry navy network office organisation
    organization parliament party police presidency regime senate union university
    bench tribunal panel jury force
    """.split()
)
# What an unnamed source is called as the subject of a reporting verb: "a spokesperson
# for TransLink said", "said one official", "two people familiar with the talks said",
# "the statement said". The roles, titles and bodies above, and these.
SOURCE_NOUNS = (PEOPLE_AT | TITLE_HEADS | OFFICES | BODY_NOUNS | ORG_APPOSITIVE_NOUNS | frozenset(
    """
    source sources official officials aide aides person people insider insiders staffer
    firefighter firefighters paramedic paramedics rescuer rescuers family
    staffers employee employees worker workers resident residents witness witnesses
    member members friend friends relative relatives neighbour neighbours neighbor
    neighbors supporter supporters voter voters protester protesters protestors critic
    critics man woman men women student students teacher teachers doctor doctors nurse
    nurses colleague colleagues narrator statement report ad advertisement letter email
    memo note post tweet newspaper paper website study survey poll editorial release
    filing complaint lawsuit ruling spokespeople spokesmen spokeswomen advisers advisors
    analysts lawyers attorneys officers diplomats strategists operative operatives
    observer observers veteran veterans parent parents mother father son daughter wife
    husband brother sister nephew niece cousin uncle aunt organizers organisers activists
    leaders aides members shareholder shareholders investor investors trader traders
    banker bankers fan fans scout scouts teammate teammates teen teens teenager teenagers
    driver drivers passenger passengers victim victims suspect suspects customer customers
    patient patients fisherman fishermen rider riders eyewitness eyewitnesses bystander
    bystanders onlooker onlookers spy pal pals mum mom dad backbencher backbenchers
    reviewer reviewers user users commenter commenters guest guests diner diners
    villager villagers farmer farmers shopper shoppers motorist motorists tourist
    tourists visitor visitors commuter commuters mourner mourners survivor survivors
    confidant confidante
    """.split()
)) - frozenset(  # (honorifics and abbreviated ranks come before a name, never alone)
    "mr mrs ms miss mx dr prof sir dame lord lady gen lt col maj capt sgt adm cmdr cpl pvt "
    "brig sen rep gov det supt rev sens reps govs vp mp mep msp mla cllr coun cr "
    "insp const cst atty khun".split()
)
# Currency codes and short signs written glued to an amount ("EGP50", "Dh30", "VND5
# million"): the ISO codes of the currencies news quotes most, and the signs that are
# letters. (Not COP, which the climate summits share: "COP26".)
CURRENCY_CODES = frozenset(
    """
    USD EUR GBP JPY CNY RMB INR PKR BDT LKR NPR EGP AED SAR QAR KWD BHD OMR JOD ILS TRY IRR
    IQD LBP MAD DZD TND NGN GHS KES UGX TZS ETB ZAR ZMW XOF XAF VND THB PHP IDR MYR SGD HKD
    KRW TWD AUD NZD CAD CHF SEK NOK DKK PLN CZK HUF RON UAH RUB BRL MXN ARS CLP PEN
    Dh Dhs Dhr Rwf Frw Ush USh TSh Tsh
    """.split()
)
# Nationalities and political leanings: what a title or a name may follow ("Japanese
# Foreign Minister Taro Kono", "Democratic Sen. Dianne Feinstein").
DEMONYMS = frozenset(
    """american british english scottish welsh irish french german italian spanish
    portuguese dutch belgian swiss austrian swedish norwegian danish finnish polish czech
    slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian serbian
    croatian japanese chinese korean taiwanese vietnamese thai filipino indonesian malaysian
    singaporean indian pakistani bangladeshi afghan iranian iraqi syrian lebanese israeli
    palestinian jordanian saudi emirati qatari egyptian libyan tunisian algerian moroccan
    nigerian kenyan ethiopian somali sudanese ghanaian canadian mexican brazilian argentine
    argentinian chilean colombian venezuelan peruvian cuban australian zealander european
    african asian arab latin western eastern northern southern liberal conservative
    democratic republican labour socialist communist federal u.s. us uk un eu latino latina
    hispanic""".split()
)
# Owners whose possessive is part of a body's or a place's name, not someone owning
# what follows: "National People's Congress", "Children's Hospital", "Workers' Party".
# The word for a saint before a name ("St Lucia", "Saint John", "Ste-Foy"), folded: a
# saint's name alone is a place or a church far more often in the news than the saint.
SAINTS = frozenset(("st", "saint", "ste", "sainte"))
NAMED_POSSESSORS = frozenset(
    """people children women men king queen workers peoples veterans farmers teachers
    nurses citizens employers taxpayers parents traders miners journalists magistrates
    justices consumers students pensioners ratepayers tenants residents seafarers
    firefighters officers soldiers sailors writers actors doctors lawyers physicians
    engineers drivers growers producers manufacturers retailers shareholders owners
    homeowners landlords builders contractors dealers exporters importers fishermen
    fishers mothers fathers widows survivors victims patients""".split()
)
# Offices whose holder's possessive names a body ("the Kern County Sheriff's Office",
# "the Attorney General's Office", "the Governor's Office of Emergency Services"), and
# the bodies so named.
OFFICE_HOLDERS = frozenset(
    """sheriff attorney general prosecutor coroner examiner governor mayor comptroller
    controller auditor assessor treasurer clerk recorder marshal chancellor president
    commissioner solicitor inspector registrar superintendent ombudsman""".split()
)
OFFICE_BODIES = frozenset("office department bureau service services division unit".split())
# Words that name a thing by the number after them ("Highway 16", "Local 1724", "Gate 5",
# "Terminal 3"): a label, no name of its own.
NUMBERED_LABELS = frozenset(
    """Highway Route Interstate Local Terminal Gate Ward Platform Exit Junction Pier Berth
    Flight Unit Suite Room Level Stage Phase Chapter Article Section Clause Precinct
    Hangar Runway Lane Bay""".split()
)
# Words that make a role another, lower one: the deputy mayor is not the mayor.
RANKS = frozenset("deputy vice assistant associate".split())
# A person of a nation, as a noun that is no adjective: "the Dane said" points back to
# someone named before, as "the Norwegian said" does.
NATIONALITY_NOUNS = frozenset(
    """dane scot pole swede finn briton brit frenchman frenchwoman englishman englishwoman
    irishman irishwoman welshman welshwoman scotsman scotswoman dutchman dutchwoman
    spaniard turk kiwi aussie icelander luxembourger serb croat kosovar uzbek kazakh
    tajik kyrgyz filipino filipina argentine""".split()
)
# Members and supporters of a party or movement ("a Democrat", "Republican senators"):
# like a demonym, they describe a person's affiliation and are not a named thing. The
# party itself ("Democratic Party", "Labour") stays an organisation.
AFFILIATIONS = frozenset(
    """
    democrat democrats republican republicans tory tories conservative conservatives
    liberal liberals socialist socialists communist communists labourite labourites
    libertarian libertarians nationalist nationalists unionist unionists loyalist
    loyalists separatist separatists centrist centrists dem dems
    muslim muslims christian christians jew jews catholic catholics evangelical
    evangelicals hindu hindus buddhist buddhists sikh sikhs mormon mormons protestant
    protestants
    """.split()
)

# Adjectives of a faith. A "state" they qualify is no territory's name but a movement's,
# a militia's or a regime's, as the faith's own name before "State" would not be.
FAITH_ADJECTIVES = frozenset(
    "islamic islamist jewish christian catholic muslim hindu buddhist sikh".split()
)

# Names of God and of the spirits of faiths: no body's name, whatever their capitals.
# (Those of the faiths' founders, such as Jesus, are people's names.)
DEITIES = frozenset(
    """god gods allah jehovah yahweh satan lucifer almighty""".split()
) | frozenset({"holy spirit", "holy ghost"})
# Feasts and holidays met without a head noun ("Easter", "Lunar New Year"; "Labour Day"
# has "Day"): times of the year, typed OTHER.
HOLIDAYS = frozenset(
    """christmas easter thanksgiving halloween ramadan hanukkah chanukah passover diwali
    kwanzaa pentecost eid""".split()
) | frozenset({
    "new year", "new year's", "new years", "new year's eve", "christmas eve",
    "yom kippur", "rosh hashanah", "mardi gras", "lunar new year", "chinese new year",
    "eid al fitr", "eid al adha",
})
# Eras and events that history names without a head noun ("the Reformation",
# "the Renaissance"; "the Thirty Years' War" has one), the scales of temperature ("degrees
# Celsius") and languages: no bodies, typed OTHER.
EVENTS_AND_SCALES = frozenset(
    """holocaust shoah reformation renaissance enlightenment reconquista crusades
    intifada nakba blitz brexit grexit fahrenheit celsius kelvin""".split()
) | frozenset(
    # languages that are no people's adjective ("Esperanto for 'peace'")
    """latin hebrew yiddish aramaic sanskrit esperanto swahili farsi urdu hindi
    tagalog mandarin cantonese""".split()
)
# A region named by a compass word fused with another ("the Mid-Atlantic"), and the
# words that name part of a place ("Downstate Illinois", "Downtown Denver").
COMPASS_REGIONS = frozenset("midwest mideast midatlantic mid atlantic".split()) | frozenset(
    {"mid atlantic", "deep south", "far east", "near east", "middle west"}
)
PLACE_PARTS = frozenset("upstate downstate midtown downtown uptown inner outer".split())

# Abbreviations of common nouns and of times of day, written in capitals like a body's
# acronym but naming no organisation: "on TV", "a CEO", "9 p.m. EST", "an ID".
COMMON_ABBREVIATIONS = frozenset(
    """
    tv hdtv ok id pm am est edt pst pdt cst cdt mst mdt gmt utc bst cet
    ceo ceos cfo coo cto vp md phd mba dna rna hiv aids gdp gnp vat
    vip asap diy faq pdf url html usb gps atm suv dvd dvr cd cds rsvp iq ufo
    ptsd adhd lgbt lgbtq ai it pr hr
    potus flotus vpotus ag ig
    """.split()
)

# What follows the name of a website, an app or a network ("his Twitter account", "a
# Facebook post", "Instagram followers"): such a name is a medium's, not an actor's.
PLATFORM_NOUNS = frozenset(
    """
    account accounts feed feeds post posts page pages follower followers handle user
    users app profile timeline livestream
    """.split()
)

# Contractions spelled out, so that two reports of one sentence compare word for word
# ("We've waited" = "We have waited"). Whole words first, then endings; "'s" only after
# the words where it stands for "is" (elsewhere it is a possessive as often).
CONTRACTED_WORDS = {
    "won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
    "shan't": ("shall", "not"), "ain't": ("is", "not"), "let's": ("let", "us"),
}
CONTRACTED_ENDINGS = (
    ("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"),
    ("'d", "would"),
)
IS_CONTRACTED = frozenset(
    "it's that's there's here's what's who's he's she's where's how's when's why's".split()
)
# Words that turn a statement into its opposite: two reports that differ in one of
# these are never the same statement, however close the rest.
NEGATIONS = frozenset("not no never nothing nobody none neither nor nowhere".split())
