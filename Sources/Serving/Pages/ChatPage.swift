// The customer's chat page at `/`: a labelled message box, the conversation as an ARIA log that
// screen readers announce, feedback buttons under each reply, a notice on hand-off, and polling
// for the agent's replies. Its script is `/assets/chat.js`; nothing comes from a CDN.

enum ChatPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Customer service chat</title>
        <link rel="stylesheet" href="/assets/style.css">
        </head>
        <body>
        <header><h1>Customer service</h1></header>
        <main>
        <ol id="log" class="log" role="log" aria-live="polite" aria-label="Conversation"></ol>
        <p id="notice" class="notice" role="status" hidden></p>
        <form id="composer" aria-label="Send a message">
        <div class="field">
        <label for="text">Your message</label>
        <input id="text" name="text" autocomplete="off" maxlength="2000" required>
        </div>
        <button type="submit" id="send">Send</button>
        </form>
        </main>
        <script src="/assets/api.js"></script>
        <script src="/assets/chat.js"></script>
        </body>
        </html>
        """

    static let script = """
        "use strict";
        (function () {
          const log = document.getElementById("log");
          const form = document.getElementById("composer");
          const input = document.getElementById("text");
          const send = document.getElementById("send");
          const notice = document.getElementById("notice");
          let chat = JSON.parse(sessionStorage.getItem("chatbot.conversation") || "null");
          let shown = 0;
          let polling = null;

          function add(role, text, label) {
            const item = document.createElement("li");
            item.className = "msg " + role;
            const who = document.createElement("span");
            who.className = "who";
            who.textContent = label;
            item.appendChild(who);
            item.appendChild(document.createTextNode(text));
            log.appendChild(item);
            item.scrollIntoView({block: "end"});
            return item;
          }

          function askFeedback(item) {
            const box = document.createElement("div");
            box.className = "feedback";
            box.setAttribute("role", "group");
            box.setAttribute("aria-label", "Was this reply helpful?");
            [["good", "Helpful"], ["bad", "Not helpful"]].forEach(function (pair) {
              const button = document.createElement("button");
              button.type = "button";
              button.className = "secondary";
              button.textContent = pair[1];
              button.addEventListener("click", function () {
                api("POST", "/feedback", {kind: pair[0]}).then(function () {
                  box.textContent = "Thank you for the feedback.";
                });
              });
              box.appendChild(button);
            });
            item.appendChild(box);
          }

          function api(method, path, body) {
            return chatbotAPI(method, "/v1/conversations/" + chat.conversation_id + path,
                              {"X-Conversation-Token": chat.token}, body);
          }

          function start() {
            if (chat) { return Promise.resolve(chat); }
            return chatbotAPI("POST", "/v1/conversations", {}).then(function (json) {
              chat = json;
              sessionStorage.setItem("chatbot.conversation", JSON.stringify(chat));
              return chat;
            });
          }

          function handedOff() {
            notice.hidden = false;
            notice.textContent = "A person from our team will take over this conversation. You can keep writing here.";
            if (!polling) {
              refresh(false);
              polling = setInterval(function () { refresh(true); }, 3000);
            }
          }

          function refresh(render) {
            api("GET", "/messages").then(function (json) {
              json.messages.slice(shown).forEach(function (m) {
                if (render && m.role === "agent") { add("agent", m.text, "Agent"); }
              });
              shown = json.messages.length;
              if (json.status === "closed") {
                notice.textContent = "The conversation was closed. Reload the page to start a new one.";
                clearInterval(polling);
                sessionStorage.removeItem("chatbot.conversation");
              }
            }).catch(function () {});
          }

          form.addEventListener("submit", function (event) {
            event.preventDefault();
            const text = input.value.trim();
            if (!text) { return; }
            input.value = "";
            send.disabled = true;
            add("customer", text, "You");
            start().then(function () { return api("POST", "/messages", {text: text}); }).then(function (turn) {
              if (turn.waiting_for_agent) { handedOff(); return; }
              askFeedback(add("bot", turn.text, "Bot"));
              if (turn.handed_off) { handedOff(); }
            }).catch(function (error) {
              add("system", "Sorry, that did not go through: " + error.message, "Notice");
            }).finally(function () {
              send.disabled = false;
              input.focus();
            });
          });
          input.focus();
        })();
        """
}
