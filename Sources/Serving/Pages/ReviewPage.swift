// The review page at `/review`: recent feedback (ratings, corrected intents, better replies)
// with the message it is about, to work through. Its script is `/assets/review.js`; the data
// comes from `/v1/review` behind the API key.

enum ReviewPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Feedback review</title>
        <link rel="stylesheet" href="/assets/style.css">
        </head>
        <body>
        <header><h1>Feedback to review</h1></header>
        <main>
        <form id="login" aria-label="Sign in">
        <div class="field"><label for="key">API key</label><input id="key" type="password" autocomplete="off" required></div>
        <button type="submit">Show feedback</button>
        </form>
        <p id="status" role="status" class="meta"></p>
        <table aria-describedby="status">
        <caption class="visually-hidden">Recent feedback, newest first</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Kind</th><th scope="col">Value</th><th scope="col">Message</th></tr></thead>
        <tbody id="rows"></tbody>
        </table>
        </main>
        <script src="/assets/api.js"></script>
        <script src="/assets/review.js"></script>
        </body>
        </html>
        """

    static let script = """
        "use strict";
        (function () {
          const keyField = document.getElementById("key");
          const rows = document.getElementById("rows");
          const status = document.getElementById("status");
          keyField.value = sessionStorage.getItem("chatbot.key") || "";

          function cell(text) {
            const td = document.createElement("td");
            td.textContent = text;
            return td;
          }

          function load() {
            chatbotAPI("GET", "/v1/review", {"Authorization": "Bearer " + keyField.value}).then(function (json) {
              rows.replaceChildren.apply(rows, json.feedback.map(function (entry) {
                const row = document.createElement("tr");
                const message = entry.message ? entry.message.role + ": " + entry.message.text : "";
                [entry.feedback.created_at, entry.feedback.kind, entry.feedback.value, message].forEach(function (text) {
                  row.appendChild(cell(text));
                });
                return row;
              }));
              status.textContent = json.feedback.length + " piece(s) of feedback in the last 7 days.";
            }).catch(function (error) { status.textContent = error.message; });
          }

          document.getElementById("login").addEventListener("submit", function (event) {
            event.preventDefault();
            sessionStorage.setItem("chatbot.key", keyField.value);
            load();
          });
          if (keyField.value) { load(); }
        })();
        """
}
