// The one style sheet of the chat, agent and review pages: readable on a phone (fluid width,
// 16 px type, large touch targets), visible focus for keyboard users, enough contrast.

enum PageStyle {
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f6f8}
        header{background:#1d4ed8;color:#fff;padding:.75rem 1rem}
        header h1{margin:0;font-size:1.15rem}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        .log{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-direction:column;gap:.5rem}
        .msg{padding:.6rem .8rem;border-radius:.75rem;max-width:85%;white-space:pre-wrap;overflow-wrap:anywhere}
        .customer{align-self:flex-end;background:#1d4ed8;color:#fff}
        .bot,.agent{align-self:flex-start;background:#fff;border:1px solid #cfd6de}
        .agent{border-color:#15803d}
        .who{display:block;font-size:.8rem;font-weight:600;opacity:.8}
        .system{align-self:center;font-size:.85rem;color:#4b5563}
        .feedback{display:flex;gap:.4rem;margin-top:.4rem}
        .notice{background:#fef3c7;border:1px solid #d97706;border-radius:.5rem;padding:.6rem .8rem;margin:0 0 1rem}
        form{display:flex;gap:.5rem;align-items:flex-end;flex-wrap:wrap}
        label{font-weight:600}
        .field{flex:1 1 12rem;display:flex;flex-direction:column;gap:.25rem}
        input,textarea,select{font:inherit;padding:.55rem .6rem;border:1px solid #8a94a0;border-radius:.5rem;width:100%}
        button{font:inherit;min-height:2.75rem;padding:.5rem 1rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;cursor:pointer}
        button.secondary{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8;min-height:2.25rem;padding:.25rem .7rem}
        button:disabled{opacity:.6;cursor:default}
        :focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
        .card{background:#fff;border:1px solid #cfd6de;border-radius:.75rem;padding:1rem;margin-bottom:1rem}
        .meta{font-size:.9rem;color:#374151}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{border:1px solid #cfd6de;padding:.4rem .5rem;text-align:left;vertical-align:top}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        """
}
