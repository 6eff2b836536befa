"""Word and phrase pools for the synthetic notes, in the clinical vocabulary Alliance uses.

Sentences are templates with named slots; `bench/synthetic.py` fills them from the pools below
with a fixed seed. The pools mix very common words (feelings, family, sleep) with rare ones
(`RARE`, each client's own names and places), so that full-text search meets the spread of
frequent and rare terms that a real caseload has. Everything here is invented.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Maya Daniel Priya Tomás Eleanor Sam Aisha Jonah Leila Marcus Ingrid Kofi Yuki Rosa Felix "
    "Hannah Omar Greta Luca Nadia Pavel Siobhan Theo Amara Jun Clara Mateo Freya Idris Beatriz "
    "Noor Emil Zofia Rahul Agnes Diego Maren Kwame Lotte Hugo Farah Anton Imogen Ravi Selma "
    "Ciarán Mirela Bastian Wren Yusuf"
)

SURNAMES = _words(
    "Lindqvist Okafor Raman Herrera Whitfield Novak Haddad Brennan Moreau Kowalski Sato Mensah "
    "Fischer Duarte Byrne Petrov Abbasi Larsen Conti Nakamura Osei Varga Quinn Delgado Holm "
    "Szabo Achebe Romero Lund Castellanos Eriksen Mbeki Dunne Rossi Tanaka Kaur Andersson Flores "
    "Nowak Ferreira Gallagher Ivanova Jensen Khoury Marsh Obi Pereira Ruiz Strand Yilmaz"
)

# Per-client identifying terms are drawn from these: a partner, an employer, a town.
PARTNERS = _words(
    "Jonas Chidi Anand Lucía Margaret Hamid Ruth Sven Teresa Malik Ilse Bruno Keiko Dmitri "
    "Fatima Olle Birgit Samir Agata Niall"
)
EMPLOYERS = (
    "Harbour Street Bakery",
    "Northfield Hospital",
    "Kestrel Games",
    "Lindqvist Design",
    "Brightwater Logistics",
    "Elm Park Primary",
    "Caldwell & Lowe Solicitors",
    "Riverside Care Home",
    "Ashcombe Council",
    "Meridian Bank",
    "Foxglove Nursery",
    "Stonebridge Garage",
    "the Crown Hotel",
    "Westgate Library",
    "Orchard Dental",
)
TOWNS = _words(
    "Uppsala Valencia Lisbon Galway Kraków Leeds Bergen Porto Tampere Utrecht Gdańsk Bristol "
    "Aarhus Lyon Trieste Graz Cork Malmö Bilbao Dundee"
)

PROBLEMS = (
    "Anxiety and low mood since being made redundant; sleeping badly, avoiding friends.",
    "Grief after a parent's sudden death; irritability at work.",
    "Panic attacks on night shifts; perfectionism; fear of making a mistake.",
    "Separation from a partner; angry outbursts; worried about the bond with a child.",
    "Depression after retirement; loneliness since a sister moved away.",
    "Burnout and insomnia after a long project; wants short-term work.",
    "Recurrent depressive episodes; wants to understand the pattern in relationships.",
    "Social anxiety at university; avoids seminars and the canteen.",
    "Health anxiety after a cardiac scare; repeated checking of pulse.",
    "Low self-worth and people-pleasing; exhausted by caring for an ill parent.",
    "Relationship difficulties; jealousy and fear of being left.",
    "Traumatic memories after a road accident; avoids driving.",
)

FEELINGS = _words(
    "anxious ashamed angry furious numb relieved hopeful guilty resentful lonely overwhelmed "
    "exhausted sad tearful irritable frightened calm flat restless embarrassed jealous envious "
    "abandoned rejected humiliated proud tender grateful bitter confused hopeless helpless "
    "panicky detached worthless trapped disappointed betrayed excited tense uneasy ambivalent "
    "defeated content irritated despairing vulnerable exposed misunderstood cautious"
)

PEOPLE = (
    *_words("mother father sister brother partner husband wife ex-partner manager colleague boss"),
    *_words("grandmother grandfather son daughter flatmate neighbour friend aunt uncle stepfather"),
    *_words("stepmother teacher GP landlord cousin in-laws supervisor"),
    "team lead",
    "best friend",
)

THEMES = (
    "the redundancy meeting",
    "money worries",
    "a job interview",
    "criticism from home",
    "sleep and early waking",
    "the funeral and what was left unsaid",
    "running the business alone",
    "anger at the hospital",
    "a panic attack on the train",
    "checking and re-checking",
    "being the reliable one",
    "saying no to extra work",
    "the handover at the school gate",
    "a row about the children",
    "a parent's temper",
    "feeling judged",
    "drinking less",
    "empty mornings",
    "feeling useless",
    "a volunteering idea",
    "the anniversary of the death",
    "the move to a new flat",
    "a friendship that has cooled",
    "the diagnosis",
    "returning to work",
    "an argument over the holidays",
    "the new baby",
    "the divorce papers",
    "a text message left unanswered",
    "the court hearing",
    "a performance review",
    "being passed over for promotion",
    "caring for an ill parent",
    "the first date in years",
    "the weekend alone",
    "a conflict with the neighbours",
    "the exam results",
    "an old memory from school",
    "the car accident",
    "a visit to the family home",
    "the cost of therapy",
    "the break over summer",
    "ending therapy one day",
    "the wedding invitation",
    "a miscarriage last year",
    "fertility treatment",
    "coming out to the family",
    "a faith that feels distant",
    "debts and the bank letters",
    "the commute",
)

PLACES = (
    "the supermarket",
    "the office",
    "the school gate",
    "the bus",
    "the hospital car park",
    "the kitchen at night",
    "the staff room",
    "a crowded café",
    "the parents' house",
    "the gym",
    "the train platform",
    "the lift at work",
    "the pub",
    "the waiting room",
    "the park",
    "a family dinner",
    "the car",
    "bed at three in the morning",
)

BODY = (
    "a tight chest",
    "headaches",
    "poor sleep",
    "a racing heart",
    "stomach aches",
    "shaking hands",
    "tension in the shoulders",
    "no appetite",
    "eating late at night",
    "dizziness",
    "fatigue",
    "jaw clenching",
)

DEFENCES = (
    "intellectualising",
    "minimising",
    "joking",
    "changing the subject",
    "appeasing me",
    "talking about others",
    "going quiet",
    "criticising themselves",
    "describing events without feeling",
    "rushing to the next topic",
)

INTERVENTIONS = (
    "reflected the feeling back",
    "named the pattern gently",
    "used a grounding exercise",
    "explored the earlier memory",
    "offered a tentative interpretation",
    "asked what it was like to say it here",
    "normalised the reaction",
    "linked the present to the family story",
    "stayed with the silence",
    "summarised what we had covered",
    "asked about risk directly",
    "drew a simple diagram of the cycle",
    "invited a two-chair dialogue",
    "suggested a behavioural experiment",
    "reviewed the thought record",
    "practised paced breathing together",
    "checked how the session felt",
    "acknowledged my part in the misunderstanding",
    "returned to the agreed goals",
    "explained the limits of confidentiality again",
)

RUPTURES = (
    "withdrawal",
    "a minimal response",
    "shifting the topic",
    "a content and affect split",
    "a complaint about me",
    "a complaint about the tasks",
    "rejecting the suggestion",
    "pressure to fix things",
    "questioning the fee",
    "arriving late again",
)

TRANSFERENCE = (
    "angry and entitled",
    "anxious and preoccupied",
    "avoidant and counterdependent",
    "secure and engaged",
    "watchful and testing",
)

COUNTERTRANSFERENCE = (
    "overwhelmed",
    "helpless",
    "inadequate",
    "protective",
    "parental",
    "special",
    "overinvolved",
    "disengaged",
    "bored",
    "criticised",
    "mistreated",
    "warm and satisfied",
    "irritated",
    "sleepy",
)

# Rare words: each note gets one or two, drawn with Zipf-like weights so some appear in
# thousands of notes and others in a handful, as a hobby, a drug or a place does in practice.
RARE = _words(
    "sertraline citalopram mirtazapine propranolol zopiclone lithium quetiapine melatonin "
    "allotment accordion trampoline kayak sourdough crochet chess birdwatching marathon "
    "pottery violin climbing origami beekeeping karaoke snooker fencing archery ukulele "
    "greyhound tortoise parrot terrier hamster ferret aquarium motorbike caravan narrowboat "
    "lighthouse cathedral mosque synagogue laundrette bakery cemetery orchard quarry "
    "harbour glacier volcano desert monsoon blizzard heatwave eclipse avalanche "
    "tinnitus migraine eczema asthma endometriosis fibromyalgia diabetes psoriasis "
    "scholarship apprenticeship mortgage eviction tribunal probation inheritance "
    "redundancy pension overdraft bankruptcy lottery custody adoption surrogacy "
    "Christmas Ramadan Diwali Easter Hanukkah Eid Midsummer Hogmanay "
    "astronomy genealogy calligraphy taxidermy falconry bonsai juggling parkour "
    "mandolin harmonica bagpipes theremin didgeridoo xylophone "
    "tarot horoscope séance pilgrimage retreat sabbatical internship "
    "nightmare sleepwalking bruxism insomnia hypnagogic "
    "wedding christening graduation retirement reunion anniversary"
)

SUBJECTIVE = (
    "{first} said the week had been hard and that {theme} kept coming back to mind.",
    "{first} arrived wanting to talk about {theme}.",
    "Reported sleeping a little better, though still waking early with {body}.",
    "Described feeling {feeling} after a conversation with their {person} about {theme}.",
    "Said: 'I don't know why it still gets to me', speaking of {theme}.",
    "{first} told me about an evening at {place} when they felt {feeling} and left early.",
    "Spoke about their {person} for much of the hour; felt {feeling} and then {feeling2}.",
    "Mentioned {rare} twice, almost in passing, and then returned to {theme}.",
    "Reported {body} most mornings this week, worse before work.",
    "Said the homework had been difficult; managed it on two days out of seven.",
    "Brought a dream: being lost at {place}, unable to find their {person}.",
    "Said they had cancelled plans with a friend and spent the weekend indoors.",
    "{first} was pleased to report a calmer week and a good talk with their {person}.",
    "Described an argument with their {person} that ended with both of them feeling {feeling}.",
    "Felt {feeling} at {place} and noticed the urge to leave straight away.",
    "Said work has been relentless and that there is no room to think about {theme}.",
    "Talked about {rare} as something that used to help and has been dropped lately.",
    "Reported no alcohol this week, which they described as a small victory.",
    "Said they had been thinking about what we discussed last time about {theme}.",
    "Was unsure what to bring today; after a pause began talking about {theme}.",
)

OBJECTIVE = (
    "Tearful when speaking about {theme}; otherwise composed. Good eye contact.",
    "Restless at the start, settled after ten minutes. Speech normal in rate and volume.",
    "Affect flat early on, brighter towards the end. No signs of intoxication.",
    "Appeared tired and pale. Laughed at times, then became serious when {theme} came up.",
    "Well groomed; sat forward in the chair; spoke quickly when describing {place}.",
    "Arrived a few minutes late and apologised twice. Fidgeting with a ring throughout.",
    "Thought process logical and goal directed. Mood described as {feeling}; affect congruent.",
    "Quiet and guarded for the first half of the session; more open after a silence.",
    "Clear and articulate; moments of irritation when I asked about their {person}.",
    "Looked more rested than last week. Smiled when describing {rare}.",
    "Voice dropped when speaking of {theme}; looked at the floor for long stretches.",
    "Oriented and alert; no evidence of psychotic features; insight good.",
)

ASSESSMENT = (
    "Some progress: {first} can now name the feeling before it takes over.",
    "Risk low; no thoughts of self-harm reported when asked directly.",
    "Mood still low but more engaged than last month.",
    "The theme of {theme} links to the earlier material about being let down by their {person}.",
    "Avoidance remains the main pattern, most visible as {defence}.",
    "The alliance feels steadier; {first} disagreed with me openly today, a good sign.",
    "Anxiety reduced compared with intake; continues to minimise their own needs.",
    "Some withdrawal in the session, shown as {rupture}; we talked about it and it eased.",
    "Bond good; agreement on tasks less clear since we started on {theme}.",
    "Symptoms of {body} seem closely tied to conflict with their {person}.",
    "Goals remain relevant; {first} wants to add something about {theme}.",
    "Presentation consistent with a moderate depressive episode, gradually improving.",
    "Shame seems to be the feeling underneath the anger at their {person}.",
    "A clear rupture around {rupture}; partially repaired by the end of the hour.",
)

PLAN = (
    "Continue weekly. {first} will keep the sleep diary and notice when {theme} comes up.",
    "Next session: return to {theme}; review the goals we agreed at the start.",
    "Continue weekly. Try the breathing exercise before difficult conversations.",
    "Keep the same time next week. Bring the letter {first} mentioned if ready.",
    "Agreed to notice {body} as an early signal and write down what came before it.",
    "Review risk next session. {first} has the crisis numbers and agreed to use them.",
    "Discuss the break over the holidays and how to manage the gap.",
    "Consider a joint session with their {person} if {first} still wants it next month.",
    "Return to the thought record on {theme}; practise the alternative view.",
    "Write to the GP about {body}, with {first}'s consent.",
)

PROCESS = (
    "I noticed I wanted to reassure {first} quickly when {theme} came up, perhaps more my own "
    "discomfort than theirs.",
    "{first} looked at me as if waiting for a verdict. I felt cast as the critical {person}.",
    "Felt {ct} and a little helpless. Stayed with it rather than rushing to fix.",
    "A warm session. I caught myself enjoying being the one who understands; a note for "
    "supervision.",
    "My attention drifted in the middle; I think {first} was keeping things on the surface.",
    "When {first} asked whether I was tired of hearing this, I felt a pull to over-reassure.",
    "The transference felt {t} today: {first} kept checking whether I was still there.",
    "I felt {ct} as {first} described {theme}, and noticed my voice became softer.",
    "There was {rupture} after my comment about their {person}; I named it and we talked.",
    "I wondered whether my tiredness was mine or a response to how {first} keeps me at a distance.",
    "I was aware of wanting {first} to like me, which is probably why I did not challenge "
    "the {defence}.",
    "I felt the urge to give advice about {rare}; I held back and asked what they thought.",
    "Something about the way {first} spoke of {place} stirred an old memory of my own; I kept it "
    "out of the room and will take it to supervision.",
    "I noticed {first} mirrored my posture towards the end; the bond felt close.",
    "I felt {ct} again this week; the pattern seems to be that I am placed as the {person} who "
    "cannot be pleased.",
    "Boundaries: {first} asked about my holidays. I answered briefly and explored the question.",
    "I was late by two minutes and {first} said nothing; I want to raise it next time.",
    "I felt irritated by the repeated lateness and noticed I started the session abruptly.",
    "The silence felt heavy and I filled it too soon. Next time, wait longer.",
    "I think {first} experiences me as {t}, as with their {person}, and tests whether I will "
    "leave.",
    "Felt genuinely moved when {first} spoke of {theme}; I let it show a little.",
    "I found myself thinking about {first} on the way home, a sign of how {ct} I feel.",
)
