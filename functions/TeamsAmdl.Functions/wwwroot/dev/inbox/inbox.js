/*
 * Dev inbox (Development only): plays Microsoft Teams for the bot.
 *
 *  - lists the demo users (/api/dev/users) and, for the chosen one, the activities the bot sent them through the
 *    dev connector (/dev/inbox/api/messages?user=…, newest first);
 *  - renders every card with the official adaptivecards renderer and the Teams light host config
 *    (cards/render/harness.js, served from the repository under /dev/static/);
 *  - turns a click on Action.Execute into a real "adaptiveCard/action" invoke activity, signs it with a token of
 *    the dev issuer (/dev/token) and posts it to /api/messages, then shows the returned card in place (or the
 *    German error) — as Teams does;
 *  - "App installieren (Demo)" posts an installationUpdate (action "add"); the composer posts a message.
 */
(function () {
    "use strict";

    var CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    var MESSAGE_TYPE = "application/vnd.microsoft.activity.message";
    var ERROR_TYPE = "application/vnd.microsoft.error";

    var state = { ctx: null, token: null, tokenExpires: 0, loadSeq: 0 };
    var timeFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short" });

    function $(id) { return document.getElementById(id); }

    function el(tag, className, text) {
        var e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined && text !== null) e.textContent = text;
        return e;
    }

    function randomId() {
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }

    async function fetchJson(url, options) {
        var response = await fetch(url, options);
        var text = await response.text();
        var body = null;
        if (text) {
            try { body = JSON.parse(text); } catch (e) { body = text; }
        }
        return { ok: response.ok, status: response.status, body: body };
    }

    /** German text of a failed response: the problem JSON's title when there is one. */
    function problemText(res) {
        if (res.body && typeof res.body === "object" && res.body.title) return res.body.title + " (HTTP " + res.status + ")";
        return "Der Server antwortete mit HTTP " + res.status + ".";
    }

    function setStatus(text, kind) {
        var s = $("status");
        s.textContent = text || "";
        s.dataset.kind = kind || "";
    }

    function formatTime(iso) {
        var d = iso ? new Date(iso) : null;
        return d && !isNaN(d.getTime()) ? timeFormat.format(d) : "";
    }

    function updateControls() {
        var ready = !!state.ctx;
        $("install").disabled = !ready;
        $("reload").disabled = !ready;
        $("text").disabled = !ready;
        $("send").disabled = !ready;
    }

    // ---- users -------------------------------------------------------------------------------------------------

    async function loadUsers() {
        var res = await fetchJson("/api/dev/users");
        var select = $("user");
        select.innerHTML = "";
        if (!res.ok || !Array.isArray(res.body)) {
            select.add(new Option("Keine Demo-Benutzer", ""));
            setStatus("Die Demo-Benutzer konnten nicht geladen werden: " + problemText(res), "error");
            return;
        }
        select.add(new Option("– bitte wählen –", ""));
        res.body.forEach(function (u) {
            select.add(new Option(u.displayName + " · " + (u.team || u.teamId) + " (" + u.id + ")", u.id));
        });
        var wanted = new URLSearchParams(location.search).get("user");
        if (wanted && res.body.some(function (u) { return u.id === wanted; })) {
            select.value = wanted;
            await selectUser(wanted);
        }
    }

    async function selectUser(id) {
        state.ctx = null;
        state.token = null;
        updateControls();
        $("messages").innerHTML = "";
        $("chat-sub").textContent = "Kein Benutzer gewählt";
        $("user-info").textContent = "";
        $("empty").textContent = "Bitte links einen Demo-Benutzer wählen.";
        $("empty").hidden = false;
        setStatus("");
        if (!id) return;

        var res = await fetchJson("/dev/inbox/api/context?user=" + encodeURIComponent(id));
        if (!res.ok) {
            setStatus(problemText(res), "error");
            return;
        }
        state.ctx = res.body;
        $("chat-sub").textContent = "Persönlicher Chat mit " + state.ctx.user.displayName;
        $("user-info").textContent = state.ctx.user.email + " · AAD-Objekt-ID " + state.ctx.user.aadObjectId;
        updateControls();
        await loadMessages();
    }

    // ---- talking to the bot ------------------------------------------------------------------------------------

    async function getToken() {
        if (state.token && Date.now() < state.tokenExpires - 60000) return state.token;
        var res = await fetchJson(state.ctx.tokenUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ serviceUrl: state.ctx.serviceUrl })
        });
        if (!res.ok || !res.body || !res.body.access_token) throw new Error("Kein Token vom Entwicklungs-Aussteller: " + problemText(res));
        state.token = res.body.access_token;
        state.tokenExpires = Date.now() + res.body.expires_in * 1000;
        return state.token;
    }

    /** An activity as Teams would send it from the chosen user's personal chat with the bot. */
    function newActivity(type) {
        var c = state.ctx;
        var now = new Date().toISOString();
        return {
            type: type,
            id: "dev-" + randomId(),
            timestamp: now,
            localTimestamp: now,
            locale: "de-DE",
            serviceUrl: c.serviceUrl,
            channelId: c.channelId,
            from: { id: c.from.id, name: c.from.name, aadObjectId: c.from.aadObjectId, role: "user" },
            recipient: { id: c.bot.id, name: c.bot.name, role: "bot" },
            conversation: { id: c.conversation.id, conversationType: c.conversation.conversationType, tenantId: c.conversation.tenantId },
            channelData: { tenant: { id: c.conversation.tenantId } }
        };
    }

    async function postActivity(activity) {
        var token = await getToken();
        return fetchJson(state.ctx.messagesUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
            body: JSON.stringify(activity)
        });
    }

    async function withBusy(button, action) {
        button.disabled = true;
        try {
            await action();
        } catch (e) {
            setStatus(String(e && e.message || e), "error");
        } finally {
            updateControls();
        }
    }

    async function install() {
        var activity = newActivity("installationUpdate");
        activity.action = "add";
        var res = await postActivity(activity);
        if (!res.ok) {
            setStatus("Installation abgelehnt: " + problemText(res), "error");
            return;
        }
        setStatus("App für " + state.ctx.user.displayName + " installiert.");
        await loadMessages();
    }

    async function sendText(text) {
        var activity = newActivity("message");
        activity.text = text;
        activity.textFormat = "plain";
        var res = await postActivity(activity);
        if (!res.ok) {
            setStatus("Nachricht abgelehnt: " + problemText(res), "error");
            return;
        }
        setStatus("Nachricht gesendet.");
        await loadMessages();
    }

    // ---- inbox -------------------------------------------------------------------------------------------------

    async function loadMessages() {
        if (!state.ctx) return;
        var seq = ++state.loadSeq;
        var list = $("messages");
        list.setAttribute("aria-busy", "true");
        var res = await fetchJson("/dev/inbox/api/messages?user=" + encodeURIComponent(state.ctx.user.id));
        if (seq !== state.loadSeq) return; // a newer load is under way
        if (!res.ok || !Array.isArray(res.body)) {
            list.setAttribute("aria-busy", "false");
            setStatus("Posteingang nicht lesbar: " + problemText(res), "error");
            return;
        }
        list.innerHTML = "";
        $("empty").textContent = "Noch keine Nachrichten vom Bot. Klicken Sie auf „App installieren (Demo)“.";
        $("empty").hidden = res.body.length > 0;
        for (var i = 0; i < res.body.length; i++) {
            await renderMessage(list, res.body[i]);
        }
        if (seq === state.loadSeq) list.setAttribute("aria-busy", "false");
    }

    /** Appends the message first and renders its cards afterwards: the renderer measures them, which needs layout. */
    async function renderMessage(list, activity) {
        var item = el("li", "message");
        item.dataset.activityId = activity.id;
        item.appendChild(el("span", "avatar", "TA")).setAttribute("aria-hidden", "true");
        var bubble = el("article", "bubble");
        var time = formatTime(activity.timestamp);
        bubble.setAttribute("aria-label", "Nachricht von " + ((activity.from && activity.from.name) || "TeamsAmdl") + (time ? ", " + time : ""));
        var meta = el("p", "meta");
        meta.appendChild(el("strong", null, (activity.from && activity.from.name) || "TeamsAmdl"));
        var timeEl = el("time", null, time + (activity.updatedAt ? " · bearbeitet" : ""));
        if (activity.timestamp) timeEl.dateTime = activity.timestamp;
        meta.appendChild(timeEl);
        bubble.appendChild(meta);
        if (activity.text) bubble.appendChild(el("p", "message-text", activity.text));
        item.appendChild(bubble);
        list.appendChild(item);

        var attachments = activity.attachments || [];
        for (var i = 0; i < attachments.length; i++) {
            if (attachments[i].contentType !== CARD_TYPE) continue;
            var slot = el("div", "card-slot");
            var cardHost = el("div", "teams-card");
            slot.appendChild(cardHost);
            bubble.appendChild(slot);
            await renderCard(slot, activity, attachments[i].content);
        }
    }

    /** Renders (or re-renders in place) one card; clicks on its actions go to onAction. */
    async function renderCard(slot, activity, card) {
        var host = slot.querySelector(".teams-card");
        var result = await CardHarness.render(card, host, {
            onExecuteAction: function (action) { onAction(action, activity, slot); }
        });
        var old = slot.querySelector(".card-problems");
        if (old) old.remove();
        if (result.problems.length > 0) {
            var details = el("details", "card-problems");
            details.appendChild(el("summary", null, "Hinweise des Renderers (" + result.problems.length + ")"));
            var ul = el("ul");
            result.problems.forEach(function (p) { ul.appendChild(el("li", null, p.stage + (p.event ? " [" + p.event + "]" : "") + ": " + p.message)); });
            details.appendChild(ul);
            slot.appendChild(details);
            console.warn("Renderer-Hinweise für Nachricht " + activity.id, result.problems);
        }
    }

    function showCardMessage(slot, className, text) {
        var old = slot.querySelector(".card-error, .card-info");
        if (old) old.remove();
        if (!text) return;
        var p = el("p", className, text);
        if (className === "card-error") p.setAttribute("role", "alert");
        slot.appendChild(p);
    }

    function setSlotBusy(slot, busy) {
        slot.setAttribute("aria-busy", busy ? "true" : "false");
        slot.querySelectorAll("button").forEach(function (b) { b.disabled = busy; });
    }

    async function onAction(action, activity, slot) {
        var type = action.getJsonTypeName();
        if (type === "Action.OpenUrl") {
            window.open(action.url, "_blank", "noopener");
            return;
        }
        if (type !== "Action.Execute" && type !== "Action.Submit") return;
        if (slot.getAttribute("aria-busy") === "true") return; // Teams, too, ignores clicks while the action runs
        setSlotBusy(slot, true);
        showCardMessage(slot, null, null);
        try {
            if (type === "Action.Submit") {
                // Clients without Universal Actions: the data (with "verb") arrives as a message value.
                var message = newActivity("message");
                message.replyToId = activity.id;
                message.value = action.data || {};
                var sent = await postActivity(message);
                if (!sent.ok) throw new Error(problemText(sent));
                await loadMessages();
                return;
            }
            var invoke = newActivity("invoke");
            invoke.name = "adaptiveCard/action";
            invoke.replyToId = activity.id;
            invoke.value = { action: { type: "Action.Execute", id: action.id, verb: action.verb, data: action.data || {} }, trigger: "manual" };
            var res = await postActivity(invoke);
            if (!res.ok) throw new Error("Aktion abgelehnt: " + problemText(res));
            var body = res.body || {};
            if (body.statusCode === 200 && body.type === CARD_TYPE && body.value) {
                await renderCard(slot, activity, body.value);
                // Teams keeps the replaced card in the chat; the inbox does the same.
                var saved = await fetchJson("/dev/inbox/api/messages/" + encodeURIComponent(activity.id) + "/card?user=" +
                    encodeURIComponent(state.ctx.user.id), {
                    method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body.value)
                });
                if (saved.ok) setStatus("Karte aktualisiert.");
                else setStatus("Karte angezeigt, aber nicht gespeichert: " + problemText(saved), "error");
            } else if (body.type === MESSAGE_TYPE) {
                showCardMessage(slot, "card-info", String(body.value));
            } else if (body.type === ERROR_TYPE) {
                showCardMessage(slot, "card-error", (body.value && body.value.message) || "Die Aktion ist fehlgeschlagen.");
            } else {
                showCardMessage(slot, "card-error", "Unerwartete Antwort des Bots (statusCode " + body.statusCode + ").");
            }
        } catch (e) {
            showCardMessage(slot, "card-error", String(e && e.message || e));
        } finally {
            setSlotBusy(slot, false);
        }
    }

    // ---- start -------------------------------------------------------------------------------------------------

    document.addEventListener("DOMContentLoaded", function () {
        if (!window.AdaptiveCards || !window.CardHarness) {
            setStatus("Der Kartenrenderer fehlt: im Repository einmal `npm ci` ausführen (./run.sh tut das).", "error");
        }
        $("user").addEventListener("change", function (e) { selectUser(e.target.value); });
        $("install").addEventListener("click", function (e) { withBusy(e.currentTarget, install); });
        $("reload").addEventListener("click", function (e) { withBusy(e.currentTarget, loadMessages); });
        $("composer").addEventListener("submit", function (e) {
            e.preventDefault();
            var input = $("text");
            var text = input.value.trim();
            if (!text || !state.ctx) return;
            input.value = "";
            withBusy($("send"), function () { return sendText(text); });
        });
        loadUsers().catch(function (e) { setStatus(String(e && e.message || e), "error"); });
    });
})();
