"""The twenty searches the benchmark times (bench/measures.py, the search panel's stalls, the
memory probe), and the groups its growth lines follow (bench/report.py)."""

# Twenty searches a therapist might type: common and rare words, two words, a phrase, words
# still being typed (the last word is then a prefix), names, places and a medication.
QUERIES = [
    "anxious",
    "mother",
    "panic attack",
    '"left early"',
    "anx",
    "supervi",
    "theremin",
    "taxidermy",
    "Maya",
    "Okafor",
    "Brightwater",
    "Lyon",
    "sertraline",
    "sleep diary",
    "withdrawal",
    "countertransference",
    "boundaries holidays",
    "felt",
    "session",
    "grief funeral",
]
# For the growth ratios: a name only one client's notes hold matches as many notes in a vault
# of 5 clients as in one of 50; a word found in most notes matches ten times as many.
ONE_CLIENTS_NAMES = ["Maya", "Okafor"]
WORDS_IN_MOST_NOTES = ["felt", "session", "mother", "anxious"]
