// Tests of ReplyScores against the shared scorer's libraries: ROUGE-L F1 (rouge-score, stemmed),
// chrF (sacrebleu) and the Porter stems, figures printed by scripts/fixtures/reply_scores.py.
import ModelLifecycle
import Testing

private let pairs: [(reference: String, generated: String)] = [
    ("I've cancelled order {{Order Number}}.\n\n1. Log in to {{Website Name}}.\n2. Open your orders.",
     "I have cancelled your order {order_number}. Log in to {website_name} and open Orders."),
    ("Your refund of {amount} is on its way; it usually takes 3-5 working days.",
     "The refund is on its way and takes three to five working days."),
    ("Thanks for reaching out! Happy shopping.", ""),
    ("Café orders ship daily 😀 — tracking follows by e-mail.", "Café orders are shipping daily; tracking follows."),
    ("Generously, relational conditioning happily hopping agreed caresses.",
     "generous relate condition happy hop agree caress"),
]

@Test func replyScoresAgreeWithRougeScoreAndSacrebleu() {
    let expected = [77.419355, 57.142857, 0, 75.0, 85.714286]
    for (pair, figure) in zip(pairs, expected) {
        #expect(abs(100 * ReplyScores.rougeLF1(reference: pair.reference, hypothesis: pair.generated) - figure) < 1e-4)
    }
    let scores = ReplyScores(references: pairs.map(\.reference), generated: pairs.map(\.generated))
    #expect(scores.count == 5)
    #expect(abs(scores.rougeL - 59.0553) < 1e-4)
    #expect(abs(scores.chrF - 50.290521) < 1e-4)
}

@Test func emptyAndOneSidedRepliesScoreZero() {
    let none = ReplyScores(references: [], generated: [])
    #expect(none.count == 0 && none.rougeL == 0 && none.chrF == 0)
    #expect(ReplyScores(references: [""], generated: [""]).rougeL == 0)
    #expect(ReplyScores(references: ["x"], generated: [""]).rougeL == 0)
    #expect(ReplyScores(references: ["a reply"], generated: ["a reply"]).chrF == 100)
    let long = String(repeating: "Log in to {{Website}} and open your orders. ", count: 200)
    #expect(abs(ReplyScores(references: [long], generated: [long]).rougeL - 100) < 1e-9)
}

@Test func porterStemsMatchNLTK() {
    let stems: [String: String] = [
    "caresses": "caress", "ponies": "poni", "ties": "tie", "caress": "caress", "cats": "cat", "feed": "feed",
    "agreed": "agre", "plastered": "plaster", "motoring": "motor", "sing": "sing", "conflated": "conflat",
    "troubled": "troubl", "sized": "size", "hopping": "hop", "tanned": "tan", "falling": "fall", "hissing":
    "hiss", "fizzed": "fizz", "failing": "fail", "filing": "file", "happy": "happi", "sky": "sky", "relational":
    "relat", "conditional": "condit", "rational": "ration", "valenci": "valenc", "hesitanci": "hesit",
    "digitizer": "digit", "conformabli": "conform", "radicalli": "radic", "differentli": "differ", "vileli":
    "vile", "analogousli": "analog", "vietnamization": "vietnam", "predication": "predic", "operator": "oper",
    "feudalism": "feudal", "decisiveness": "decis", "hopefulness": "hope", "callousness": "callous", "formaliti":
    "formal", "sensitiviti": "sensit", "sensibiliti": "sensibl", "triplicate": "triplic", "formative": "form",
    "formalize": "formal", "electriciti": "electr", "electrical": "electr", "hopeful": "hope", "goodness": "good",
    "revival": "reviv", "allowance": "allow", "inference": "infer", "airliner": "airlin", "gyroscopic":
    "gyroscop", "adjustable": "adjust", "defensible": "defens", "irritant": "irrit", "replacement": "replac",
    "adjustment": "adjust", "dependent": "depend", "adoption": "adopt", "homologou": "homolog", "communism":
    "commun", "activate": "activ", "angulariti": "angular", "homologous": "homolog", "effective": "effect",
    "bowdlerize": "bowdler", "probate": "probat", "rate": "rate", "cease": "ceas", "controll": "control", "roll":
    "roll", "dying": "die", "lies": "lie", "cried": "cri", "dies": "die", "generously": "gener", "fully": "fulli",
    "apology": "apolog", "orders": "order", "shipping": "ship", "refunds": "refund", "cancellation": "cancel",
    "customer": "custom", "support": "support", "available": "avail", "assistance": "assist", "2024": "2024",
    "information": "inform", "process": "process", "processing": "process", "delivery": "deliveri", "options":
    "option", "account": "account", "payment": "payment"
    ]
    for (word, stem) in stems { #expect(PorterStemmer.stem(word) == stem, "\(word)") }
}
