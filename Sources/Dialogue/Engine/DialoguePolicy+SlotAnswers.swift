// Whether a message answers the slot question the bot just asked (issue 11, part 6): customers
// wrap the value in words of their own ("ok found it, its 51736904", "my email is …"), which the
// model may read as `thanks` or `greeting`; those words must not drop the waiting request.
import FileFormats

extension DialoguePolicy {
    /// Words that carry no request of their own around a slot value: acknowledgements, courtesy,
    /// glue words and the names of the slots themselves.
    static let slotAnswerFillers: Set<String> = [
        // acknowledgements and courtesy
        "ok", "okay", "k", "yes", "yeah", "yep", "yup", "sure", "right", "alright", "so", "well", "oh", "ah", "um", "uh",
        "hmm", "sorry", "thanks", "thank", "thx", "ty", "please", "pls", "cheers", "hi", "hello", "hey",
        // glue
        "i", "i'm", "im", "me", "my", "mine", "it", "its", "it's", "is", "was", "that", "that's", "thats", "this", "the",
        "a", "an", "be", "would", "should", "think", "guess", "believe", "just", "here", "here's", "heres", "there", "you",
        "go", "found", "got", "have", "has", "had", "used", "use", "under", "about", "for", "of", "with", "to", "on", "in",
        "at", "as", "and", "one", "called",
        // what the value is
        "order", "number", "no", "nr", "num", "id", "reference", "ref", "confirmation", "email", "e", "mail", "address",
        "account", "registered", "product", "item",
    ]

    /// Whether the message gives the slot the bot asked for and is not a request of its own: it is
    /// out of scope or read as the waiting intent; or nothing but filler words surround the value;
    /// or fewer than three other words do and the model does not read it as another intent that
    /// takes this slot itself ("cancel order 48213377" while an order status waits is a new request).
    func answersPendingSlot(text: String, understanding: Understanding, entities: [Entity], state: DialogueState) -> Bool {
        guard state.pendingIntent != nil, let slot = state.pendingSlot,
              let entity = entities.last(where: { $0.kind == slot }) else { return false }
        if understanding.isOutOfScope || understanding.intent == state.pendingIntent { return true }
        var rest = text
        rest.removeSubrange(entity.range)
        let others = Self.words(rest).filter { !Self.slotAnswerFillers.contains($0) }
        if others.isEmpty { return true }
        let takesSlot = catalog.intent(named: understanding.intent)?.slots.contains(slot) ?? false
        return others.count < 3 && !takesSlot
    }
}
