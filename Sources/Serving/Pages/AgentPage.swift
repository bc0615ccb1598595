// The agent's page at `/agent`: after the API key is given (kept in this tab only), the
// handed-off conversations with transcript, mood and the bot's guesses; take, reply, close.
// Its script is `/assets/agent.js`; the data comes from `/v1/agent/…` behind the key.

enum AgentPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Agent inbox</title>
        <link rel="stylesheet" href="/assets/style.css">
        </head>
        <body>
        <header><h1>Agent inbox: handed-off conversations</h1></header>
        <main>
        <form id="login" aria-label="Sign in">
        <div class="field"><label for="key">API key</label><input id="key" type="password" autocomplete="off" required></div>
        <div class="field"><label for="agent">Your name</label><input id="agent" autocomplete="name" required></div>
        <button type="submit">Open inbox</button>
        </form>
        <p id="status" role="status" class="meta"></p>
        <section id="inbox" aria-label="Waiting conversations"></section>
        </main>
        <script src="/assets/api.js"></script>
        <script src="/assets/agent.js"></script>
        </body>
        </html>
        """

    static let script = """
        "use strict";
        (function () {
          const inbox = document.getElementById("inbox");
          const status = document.getElementById("status");
          const keyField = document.getElementById("key");
          const agentField = document.getElementById("agent");
          keyField.value = sessionStorage.getItem("chatbot.key") || "";
          agentField.value = sessionStorage.getItem("chatbot.agent") || "";

          function api(method, path, body) {
            return chatbotAPI(method, path, {"Authorization": "Bearer " + keyField.value}, body);
          }

          function element(tag, text, className) {
            const node = document.createElement(tag);
            if (text !== undefined) { node.textContent = text; }
            if (className) { node.className = className; }
            return node;
          }

          function guesses(messages) {
            return messages.filter(function (m) { return m.role === "customer" && m.intent; }).map(function (m) {
              return m.intent + (m.confidence != null ? " " + m.confidence.toFixed(2) : "");
            }).join(", ") || "none";
          }

          function card(entry) {
            const id = entry.conversation.id;
            const box = element("article", undefined, "card");
            box.setAttribute("aria-label", "Conversation " + id.slice(0, 8));
            box.appendChild(element("h2", "Conversation " + id.slice(0, 8)));
            const mood = entry.mood == null ? "unknown" : entry.mood.toFixed(2);
            box.appendChild(element("p", "Mood " + mood + " · bot's guesses: " + guesses(entry.messages) +
              " · " + (entry.taken_by ? "taken by " + entry.taken_by : "not taken yet"), "meta"));
            const log = element("ol", undefined, "log");
            log.setAttribute("role", "log");
            log.setAttribute("aria-label", "Transcript");
            entry.messages.forEach(function (m) {
              const item = element("li", undefined, "msg " + m.role);
              item.appendChild(element("span", m.role, "who"));
              item.appendChild(document.createTextNode(m.text));
              log.appendChild(item);
            });
            box.appendChild(log);
            const form = element("form");
            form.setAttribute("aria-label", "Reply to conversation " + id.slice(0, 8));
            const field = element("div", undefined, "field");
            const label = element("label", "Reply");
            label.htmlFor = "reply-" + id;
            const input = element("textarea");
            input.id = "reply-" + id;
            input.rows = 2;
            field.appendChild(label);
            field.appendChild(input);
            form.appendChild(field);
            const take = element("button", "Take", "secondary");
            take.type = "button";
            take.addEventListener("click", function () {
              api("POST", "/v1/agent/conversations/" + id + "/take", {agent: agentField.value}).then(load, report);
            });
            const reply = element("button", "Send reply");
            reply.type = "submit";
            const close = element("button", "Close", "secondary");
            close.type = "button";
            close.addEventListener("click", function () {
              api("POST", "/v1/agent/conversations/" + id + "/close").then(load, report);
            });
            form.appendChild(take);
            form.appendChild(reply);
            form.appendChild(close);
            form.addEventListener("submit", function (event) {
              event.preventDefault();
              api("POST", "/v1/agent/conversations/" + id + "/reply", {text: input.value}).then(load, report);
            });
            box.appendChild(form);
            return box;
          }

          function report(error) { status.textContent = error.message; }

          function load() {
            return api("GET", "/v1/agent/conversations").then(function (json) {
              inbox.replaceChildren.apply(inbox, json.conversations.map(card));
              status.textContent = json.conversations.length + " conversation(s) waiting.";
            }, report);
          }

          document.getElementById("login").addEventListener("submit", function (event) {
            event.preventDefault();
            sessionStorage.setItem("chatbot.key", keyField.value);
            sessionStorage.setItem("chatbot.agent", agentField.value);
            load();
          });
          if (keyField.value) { load(); }
        })();
        """
}
