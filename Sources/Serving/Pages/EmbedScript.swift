// `/embed.js`: the snippet for the team's own site. One script tag adds a chat button that opens
// the chat page of this server in a frame, so the site needs no CORS setting and no code of its
// own: `<script src="https://chat.example.com/embed.js" async></script>`.

enum EmbedScript {
    static let script = """
        "use strict";
        (function () {
          const origin = new URL(document.currentScript.src).origin;
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = "Chat with us";
          button.setAttribute("aria-expanded", "false");
          button.setAttribute("aria-controls", "chatbot-frame");
          button.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font:16px system-ui,sans-serif;" +
            "padding:.7rem 1.1rem;border:0;border-radius:2rem;background:#1d4ed8;color:#fff;cursor:pointer";
          const frame = document.createElement("iframe");
          frame.id = "chatbot-frame";
          frame.title = "Customer service chat";
          frame.src = origin + "/";
          frame.hidden = true;
          frame.style.cssText = "position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(24rem,calc(100vw - 2rem));" +
            "height:min(36rem,calc(100vh - 6rem));border:1px solid #cfd6de;border-radius:.75rem;background:#fff";
          button.addEventListener("click", function () {
            frame.hidden = !frame.hidden;
            button.setAttribute("aria-expanded", String(!frame.hidden));
            button.textContent = frame.hidden ? "Chat with us" : "Close chat";
          });
          document.body.appendChild(frame);
          document.body.appendChild(button);
        })();
        """
}
