// The pages' one way to call the JSON API, `/assets/api.js`, loaded before each page's own
// script: JSON in and out, and a failed request becomes an Error with the server's message.

enum APIScript {
    static let script = """
        "use strict";
        window.chatbotAPI = function (method, path, headers, body) {
          return fetch(path, {
            method: method,
            headers: Object.assign({"Content-Type": "application/json"}, headers),
            body: body ? JSON.stringify(body) : undefined
          }).then(function (response) {
            if (response.status === 204) { return {}; }
            return response.json().then(function (json) {
              if (!response.ok) { throw new Error(json.error ? json.error.message : response.statusText); }
              return json;
            });
          });
        };
        """
}
