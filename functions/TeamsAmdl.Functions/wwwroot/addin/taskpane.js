// Outlook task pane "In e-Akte ablegen" (issue 18). Reads the open mail through Office.js (Mailbox 1.14:
// item.getAsFileAsync for the .eml), asks api/addin/proposal for Träger, measure and category, files through
// api/addin/filings, follows each file's job until it is in the e-Akte, and marks the mail with the category "e-Akte".
(function () {
    "use strict";

    var CATEGORY = "e-Akte";
    var POLL_MS = 500, POLL_LIMIT = 120;
    var T = {
        reading: "Die E-Mail wird gelesen …",
        noItem: "Keine E-Mail geöffnet. Bitte eine E-Mail öffnen und „In e-Akte ablegen“ erneut wählen.",
        unsupported: "Diese Outlook-Version kann E-Mails nicht als Datei übergeben (Anforderung Mailbox 1.14). Bitte das neue Outlook, Outlook im Web oder ein aktuelles Outlook für Windows/Mac verwenden.",
        proposalFailed: "Die Vorschläge konnten nicht geladen werden: ",
        unknownSender: "Absender unbekannt: Bitte Träger und Maßnahme wählen.",
        choose: "– bitte wählen –",
        chooseTraegerFirst: "– erst Träger wählen –",
        traegerMissing: "Bitte einen Träger wählen.",
        measureMissing: "Bitte eine Maßnahme wählen.",
        titleMissing: "Bitte einen Titel angeben.",
        executable: "Programm oder Skript – wird nicht abgelegt",
        noAttachments: "Keine Anhänge.",
        sending: "wird übertragen …",
        tooLarge: function (mb, max) { return "Die E-Mail mit den gewählten Anhängen ist zu groß (" + mb + " MB, höchstens " + max + " MB je Ablage). Bitte weniger Anhänge wählen."; },
        filing: "Wird abgelegt …",
        done: "Abgelegt.",
        nothingNew: "Diese E-Mail liegt bereits in der e-Akte – es wurde nichts Neues abgelegt.",
        failed: "Ablegen fehlgeschlagen: ",
        location: "Ablageort in der e-Akte: ",
        categorySet: "Die E-Mail ist mit der Kategorie „e-Akte“ markiert.",
        categoryFailed: "Die Kategorie „e-Akte“ konnte nicht gesetzt werden (in Outlook einmal anlegen lassen).",
        waiting: "wartet",
        kinds: { mail: "E-Mail (.eml)", pdf: "E-Mail als PDF", attachment: "Anhang" }
    };

    function $(id) { return document.getElementById(id); }
    function el(tag, text, className) {
        var e = document.createElement(tag);
        if (text !== undefined && text !== null) e.textContent = text;
        if (className) e.className = className;
        return e;
    }
    function say(text, kind) {
        var m = $("message");
        m.textContent = text;
        m.className = kind || "";
        m.setAttribute("role", kind === "error" ? "alert" : "status");
    }
    function sizeText(bytes) {
        return bytes >= 1048576 ? (bytes / 1048576).toLocaleString("de-DE", { maximumFractionDigits: 1 }) + " MB"
            : Math.max(1, Math.round(bytes / 1024)).toLocaleString("de-DE") + " KB";
    }
    function extensionOf(name) {
        var n = String(name).trim().replace(/[. ]+$/, "");
        var dot = n.lastIndexOf(".");
        return dot < 0 ? "" : n.slice(dot + 1).toLowerCase();
    }
    /** An Office callback API as a promise of its value. */
    function call(fn, self, args) {
        return new Promise(function (resolve, reject) {
            fn.apply(self, args.concat([function (result) {
                if (result && result.status === Office.AsyncResultStatus.Failed) reject(new Error((result.error && result.error.message) || "Office-Fehler"));
                else resolve(result ? result.value : undefined);
            }]));
        });
    }

    var state = { item: null, headers: {}, proposal: null, attachments: [], blocked: [], busy: false };

    /** Development: the demo user of ?user= (X-Dev-User); elsewhere the Office SSO token for the app's API. */
    async function authHeaders() {
        var user = new URLSearchParams(location.search).get("user");
        if (user) {
            var env = await fetch("/api/digest/env").then(function (r) { return r.json(); }).catch(function () { return {}; });
            if (env.devLogin) return { "X-Dev-User": user };
        }
        var token = await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
        return { "Authorization": "Bearer " + token };
    }

    async function api(method, url, json) {
        var headers = Object.assign({ "Accept": "application/json" }, state.headers);
        var init = { method: method, headers: headers };
        if (json !== undefined) { headers["Content-Type"] = "application/json"; init.body = JSON.stringify(json); }
        var response = await fetch(url, init);
        var text = await response.text();
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        return { ok: response.ok, status: response.status, body: body, error: body && body.title ? body.title : "Status " + response.status };
    }

    function applyTheme() {
        var theme = Office.context && Office.context.officeTheme;
        if (!theme || !theme.bodyBackgroundColor) return;
        var hex = String(theme.bodyBackgroundColor).replace("#", "");
        var rgb = [0, 2, 4].map(function (i) { return parseInt(hex.substr(i, 2), 16); });
        document.documentElement.setAttribute("data-theme", (rgb[0] * 299 + rgb[1] * 587 + rgb[2] * 114) / 1000 < 128 ? "dark" : "light");
    }

    function option(value, label) { var o = el("option", label); o.value = value; return o; }

    function fillMeasures(selected) {
        var select = $("measure"), traeger = $("traeger").value;
        select.replaceChildren(option("", traeger ? T.choose : T.chooseTraegerFirst));
        state.proposal.measures.filter(function (m) { return m.traegerId === traeger; }).forEach(function (m) {
            select.appendChild(option(m.number, m.number + " – " + m.title));
        });
        select.value = selected || "";
    }

    function showMail(item) {
        $("mail-subject").textContent = item.subject || "(ohne Betreff)";
        var from = item.from || item.sender || {};
        $("mail-sender").textContent = from.displayName && from.emailAddress ? from.displayName + " <" + from.emailAddress + ">" : (from.emailAddress || "–");
        var received = item.dateTimeCreated ? new Date(item.dateTimeCreated) : null;
        $("mail-received").textContent = received ? received.toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short" }) : "–";
        $("mail").hidden = false;

        var list = $("attachment-list");
        list.replaceChildren();
        var files = (item.attachments || []).filter(function (a) { return a.attachmentType === "file" && !a.isInline; });
        var blocked = state.proposal.blockedExtensions;
        if (files.length === 0) list.appendChild(el("li", T.noAttachments, "hint"));
        files.forEach(function (a, i) {
            var li = el("li"), id = "attachment-" + i;
            var box = el("input"); box.type = "checkbox"; box.id = id; box.value = a.id;
            var label = el("label", a.name); label.htmlFor = id; label.className = "check";
            label.prepend(box);
            label.appendChild(el("span", sizeText(a.size || 0), "size"));
            li.appendChild(label);
            if (blocked.indexOf(extensionOf(a.name)) >= 0) {
                box.disabled = true;
                li.className = "refused";
                li.appendChild(el("div", T.executable, "hint refused-reason"));
                state.blocked.push(a);
            } else {
                box.checked = true;
                state.attachments.push({ box: box, attachment: a });
            }
            list.appendChild(li);
        });
    }

    function showProposal(item, p) {
        var traeger = $("traeger"), category = $("category");
        traeger.replaceChildren(option("", T.choose));
        p.traeger.forEach(function (t) { traeger.appendChild(option(t.value, t.label)); });
        traeger.value = p.traegerId || "";
        fillMeasures(p.measureNumber);
        category.replaceChildren();
        p.categories.forEach(function (c) { category.appendChild(option(c.value, c.label)); });
        category.value = p.category;
        $("title").value = (item.subject || "").trim();
        $("proposal-hint").textContent = p.traegerReason || T.unknownSender;
        $("filing-form").hidden = false;
    }

    function invalid(field, text) {
        $(field).setAttribute("aria-invalid", "true");
        say(text, "error");
        $(field).focus();
        return false;
    }

    function validate() {
        ["traeger", "measure", "title"].forEach(function (f) { $(f).removeAttribute("aria-invalid"); });
        if (!$("traeger").value) return invalid("traeger", T.traegerMissing);
        if (!$("measure").value) return invalid("measure", T.measureMissing);
        if (!$("title").value.trim()) return invalid("title", T.titleMissing);
        return true;
    }

    function progressRow(key, name, kind) {
        var li = el("li");
        li.dataset.key = key;
        li.appendChild(el("span", T.kinds[kind] + ": " + name, "name"));
        li.appendChild(el("span", T.sending, "state"));
        $("progress").appendChild(li);
        return li;
    }
    function setRow(li, status, label) { li.dataset.status = status; li.querySelector(".state").textContent = label; }

    async function follow(li, jobId) {
        for (var i = 0; i < POLL_LIMIT; i++) {
            var r = await api("GET", "/api/addin/jobs/" + encodeURIComponent(jobId));
            if (!r.ok) { setRow(li, "error", r.error); return false; }
            setRow(li, r.body.status, r.body.label);
            if (r.body.status !== "Pending") return r.body.status === "Filed";
            await new Promise(function (resolve) { setTimeout(resolve, POLL_MS); });
        }
        return false;
    }

    async function markCategory(item) {
        try {
            await call(item.categories.addAsync, item.categories, [[CATEGORY]]);
            return true;
        } catch (first) {
            // Only categories of the mailbox's master list can be applied: create it once, then try again.
            try {
                var master = Office.context.mailbox.masterCategories;
                await call(master.addAsync, master, [[{ displayName: CATEGORY, color: Office.MailboxEnums.CategoryColor.Preset7 }]]);
                await call(item.categories.addAsync, item.categories, [[CATEGORY]]);
                return true;
            } catch (second) {
                return false;
            }
        }
    }

    async function file(event) {
        event.preventDefault();
        if (state.busy || !validate()) return;
        state.busy = true;
        $("file-button").disabled = true;
        $("pane").setAttribute("aria-busy", "true");
        var item = state.item;
        var chosen = state.attachments.filter(function (a) { return a.box.checked; }).map(function (a) { return a.attachment; });
        $("progress").replaceChildren();
        $("location").textContent = "";
        $("progress-section").hidden = false;
        var rows = { "mail": progressRow("mail", item.subject || "(ohne Betreff)", "mail") };
        if ($("with-pdf").checked) rows.pdf = progressRow("pdf", item.subject || "(ohne Betreff)", "pdf");
        chosen.forEach(function (a) { rows["attachment:" + a.name] = progressRow("attachment:" + a.name, a.name, "attachment"); });
        say(T.filing);
        try {
            var eml = await call(item.getAsFileAsync, item, []);
            var bodyText = $("with-pdf").checked ? await call(item.body.getAsync, item.body, [Office.CoercionType.Text]) : null;
            var attachments = [];
            for (var i = 0; i < chosen.length; i++) {
                var content = await call(item.getAttachmentContentAsync, item, [chosen[i].id]);
                attachments.push({ name: chosen[i].name, contentType: chosen[i].contentType, content: content.content });
            }
            var from = item.from || item.sender || {};
            var request = {
                internetMessageId: item.internetMessageId, title: $("title").value.trim(), sender: from.emailAddress || "",
                receivedAt: item.dateTimeCreated ? new Date(item.dateTimeCreated).toISOString() : null,
                traegerId: $("traeger").value, measureNumber: $("measure").value, category: $("category").value,
                mail: eml, bodyText: bodyText, attachments: attachments
            };
            var json = JSON.stringify(request);
            if (json.length > state.proposal.maxRequestBytes) {
                Object.keys(rows).forEach(function (k) { setRow(rows[k], "error", "nicht übertragen"); });
                say(T.tooLarge(sizeText(json.length).replace(" MB", ""), state.proposal.maxRequestBytes / 1048576), "error");
                return;
            }
            var r = await api("POST", "/api/addin/filings", request);
            if (!r.ok) {
                Object.keys(rows).forEach(function (k) { setRow(rows[k], "error", "nicht abgelegt"); });
                say(T.failed + r.error, "error");
                return;
            }
            $("location").textContent = T.location + r.body.location;
            var followed = r.body.files.map(function (f) {
                var li = rows[f.kind === "attachment" ? "attachment:" + f.name : f.kind];
                if (!li) return Promise.resolve(true);
                setRow(li, f.status, f.status === "Filed" ? "abgelegt" : T.waiting);
                return follow(li, f.jobId);
            });
            var results = await Promise.all(followed);
            var marked = await markCategory(item);
            var lines = [r.body.nothingNew ? T.nothingNew : T.done];
            lines.push(marked ? T.categorySet : T.categoryFailed);
            (r.body.notes || []).forEach(function (n) { lines.push(n); });
            say(lines.join(" "), results.every(Boolean) && marked ? "ok" : "");
        } catch (e) {
            say(T.failed + e.message, "error");
        } finally {
            state.busy = false;
            $("file-button").disabled = false;
            $("pane").setAttribute("aria-busy", "false");
        }
    }

    async function start() {
        await Office.onReady();
        applyTheme();
        var item = Office.context.mailbox && Office.context.mailbox.item;
        if (!item) { say(T.noItem, "error"); return; }
        state.item = item;
        if (!Office.context.requirements.isSetSupported("Mailbox", "1.14")) { say(T.unsupported, "error"); return; }
        state.headers = await authHeaders();
        var from = item.from || item.sender || {};
        var r = await api("POST", "/api/addin/proposal", { sender: from.emailAddress || "", subject: item.subject || "" });
        if (!r.ok) { say(T.proposalFailed + r.error, "error"); return; }
        state.proposal = r.body;
        showMail(item);
        showProposal(item, r.body);
        $("traeger").addEventListener("change", function () { fillMeasures(""); });
        $("filing-form").addEventListener("submit", file);
        say(""); // the proposal hint above the fields says what was recognised
        $("pane").setAttribute("aria-busy", "false");
        (r.body.traegerId ? $("file-button") : $("traeger")).focus();
    }

    document.addEventListener("DOMContentLoaded", function () {
        start().catch(function (e) { say(T.failed + e.message, "error"); });
    });
})();
