/// The words and sentence templates product reviews are assembled from.
///
/// Each label has its own templates, but they share products, aspects and many words, and
/// some templates use the other labels' words (negation: "not great at all"), so no single
/// word decides a label. Slots in braces are filled from the word lists.
enum ReviewVocabulary {
    static let products = [
        "blender", "headphones", "jacket", "desk lamp", "backpack", "kettle", "keyboard", "phone case",
        "office chair", "water bottle", "charger", "coffee grinder", "running shoes", "tent", "mouse",
        "toaster", "umbrella", "speaker",
    ]
    static let aspects = [
        "battery", "sound", "fit", "price", "delivery", "packaging", "build quality", "material",
        "instructions", "screen", "size", "colour", "handle", "zip", "cable", "finish", "button",
    ]
    static let positiveWords = [
        "great", "excellent", "perfect", "sturdy", "comfortable", "solid", "beautiful", "amazing",
        "reliable", "fantastic", "lovely", "superb", "brilliant", "nice",
    ]
    static let neutralWords = [
        "okay", "fine", "average", "decent", "acceptable", "adequate", "ordinary", "standard",
        "reasonable", "alright", "plain", "passable",
    ]
    static let negativeWords = [
        "terrible", "poor", "flimsy", "awful", "cheap", "useless", "disappointing", "faulty", "noisy",
        "horrible", "broken", "bad",
    ]
    static let periods = ["two days", "a week", "three weeks", "a month", "one use", "the first wash"]
    static let people = ["my wife", "my husband", "my son", "my daughter", "a friend", "my colleague", "my dad"]

    /// Sentence templates per label, in label order (positive, neutral, negative).
    static let templates: [[String]] = [
        [
            "I love this {product}.",
            "The {aspect} is {pos}.",
            "Really {pos} {aspect}, {pos} for the price.",
            "Works perfectly and the {aspect} is {pos}.",
            "Would recommend it to anyone.",
            "Five stars, {pos} value for money.",
            "Exceeded my expectations!",
            "Arrived quickly and the {product} looks {pos}.",
            "Bought it for {person} and they love it.",
            "Best {product} I have owned.",
            "Happy with it, the {aspect} is {pos} and the {aspect2} is {pos}.",
            "{person} said it was \"{pos}\" and they were right.",
            "Not {neg} at all, very happy.",
        ],
        [
            "The {product} is {neu}.",
            "It does the job, nothing special.",
            "The {aspect} is {neu} but the {aspect2} could be better.",
            "Not bad, not great.",
            "About what I expected for the price.",
            "Some parts are {pos}, others are {neg}.",
            "It is {neu} overall, I might keep it.",
            "Average {product}, {neu} {aspect}.",
            "The {aspect} is {pos} but the {aspect2} is {neg}.",
            "Three stars, it is {neu}.",
            "Neither good nor bad, just {neu}.",
            "Can't say much, the {product} is {neu} so far.",
        ],
        [
            "The {product} broke after {period}.",
            "Very {neg} {aspect}.",
            "I want a refund.",
            "Returned it, the {aspect} was {neg}.",
            "Do not buy this {product}.",
            "The {aspect} is {neg} and customer service never answered.",
            "Not {pos} at all.",
            "Stopped working after {period}.",
            "Waste of money, {neg} {aspect}.",
            "Worst {product} I have bought, the {aspect} is {neg}.",
            "Sent it back because the {aspect} was {neg}.",
            "Looked {pos} in the photos but the real thing is {neg}.",
        ],
    ]

    /// Words that end a sentence with some feeling, added now and then.
    static let exclamations = ["!!", "!", " :)", " :(", "..."]
}
