/*
 * "Benachrichtigungsweg" of the tab (issue 17): every staff member chooses where rating requests and reminders reach
 * them — Teams chat, Outlook e-mail, or both. GET/PUT /api/me/notification-channel. Signs in through the
 * "teamsamdl:signedin" event of tab.js (Teams SSO token or, in Development, X-Dev-User).
 */
(function () {
    "use strict";

    var $ = TabDom.$;
    var authHeaders = null;

    function render(view) {
        var select = $("channel-select");
        select.innerHTML = "";
        view.options.forEach(function (o) {
            var option = TabDom.el("option", null, o.label);
            option.value = o.value;
            option.disabled = o.value !== "Teams" && !view.outlookAvailable;
            select.appendChild(option);
        });
        select.value = view.chosen || view.default;
        $("channel-current").textContent = "Aktuell: " + view.effectiveLabel + (view.chosen ? "" : " (Voreinstellung Ihrer Rolle)") +
            (view.outlookAvailable ? "" : ". E-Mails aus dem Einkaufspostfach sind hier nicht eingerichtet.");
    }

    async function load() {
        var res = await TabDom.fetchJson("/api/me/notification-channel", await authHeaders(false));
        if (!res.ok) {
            $("channel-current").textContent = (res.body && res.body.title) || ("Laden fehlgeschlagen (HTTP " + res.status + ").");
            return;
        }
        $("channel").hidden = false;
        render(res.body);
    }

    async function save(event) {
        event.preventDefault();
        var button = $("channel-save");
        button.disabled = true;
        $("channel-result").textContent = "Wird gespeichert …";
        try {
            var res = await TabDom.fetchJson("/api/me/notification-channel", await authHeaders(false),
                { method: "PUT", json: { channel: $("channel-select").value } });
            if (res.ok) {
                render(res.body);
                $("channel-result").textContent = "Gespeichert.";
            } else {
                $("channel-result").textContent = (res.body && res.body.title) || ("Speichern fehlgeschlagen (HTTP " + res.status + ").");
            }
        } catch (e) {
            $("channel-result").textContent = "Der Server ist nicht erreichbar. Bitte später erneut versuchen.";
        } finally {
            button.disabled = false;
        }
    }

    document.addEventListener("teamsamdl:signedin", function (e) {
        authHeaders = e.detail.authHeaders;
        var form = $("channel-form");
        if (!form.dataset.wired) {
            form.dataset.wired = "1";
            form.addEventListener("submit", save);
        }
        load();
    });
})();
