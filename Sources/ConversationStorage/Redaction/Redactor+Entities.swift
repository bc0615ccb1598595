// Personal data inside JSON the program writes: an entity such as
// `{"kind":"phone","value":"5550142345","text":"(555) 014-2345"}` holds the number in a
// normalised form the text redactor cannot recognise, so its kind decides instead.
import Foundation

extension Redactor {
    /// `json` with the `value` and `text` of every object whose `kind` names a kind this
    /// redactor replaces (`email`, `phone`, `iban`, `ssn`, `card_number`) set to its placeholder.
    /// Returned unchanged (byte for byte) when it is not JSON or holds no such object.
    func maskingPersonalEntities(in json: String) -> String {
        guard !kinds.isEmpty, json.contains("\"kind\""),
              let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        else { return json }
        var changed = false
        let masked = masking(object, changed: &changed)
        guard changed, let data = try? JSONSerialization.data(
            withJSONObject: masked, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    private func masking(_ value: Any, changed: inout Bool) -> Any {
        if let array = value as? [Any] {
            return array.map { masking($0, changed: &changed) }
        }
        guard var object = value as? [String: Any] else { return value }
        for (key, item) in object { object[key] = masking(item, changed: &changed) }
        guard let name = object["kind"] as? String, let kind = Kind(rawValue: name), kinds.contains(kind) else { return object }
        for key in ["value", "text"] {
            if let text = object[key] as? String, text != kind.placeholder {
                object[key] = kind.placeholder
                changed = true
            }
        }
        return object
    }
}
