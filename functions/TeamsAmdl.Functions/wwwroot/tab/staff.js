/*
 * Staff sync button of the tab (coordinators): POST /api/staff/sync and show the German summary
 * (added/changed/deactivated). tab.js calls TeamsAmdlStaff.show() once it knows who is signed in and hands over its
 * auth headers (Teams SSO token or, in Development, X-Dev-User).
 */
(function () {
    "use strict";

    var authHeaders = null;

    async function sync() {
        var button = document.getElementById("staff-sync");
        var result = document.getElementById("staff-sync-result");
        button.disabled = true;
        result.textContent = "Abgleich läuft …";
        try {
            var headers = Object.assign({ "Accept": "application/json" }, await authHeaders());
            var response = await fetch("/api/staff/sync", { method: "POST", headers: headers });
            var body = null;
            try { body = await response.json(); } catch (e) { body = null; }
            if (response.ok && body) result.textContent = body.summary;
            else result.textContent = (body && body.title) || ("Der Abgleich ist fehlgeschlagen (HTTP " + response.status + ").");
        } catch (e) {
            result.textContent = "Der Server ist nicht erreichbar. Bitte später erneut versuchen.";
        } finally {
            button.disabled = false;
        }
    }

    window.TeamsAmdlStaff = {
        show: function (isCoordinator, headers) {
            authHeaders = headers;
            document.getElementById("staff").hidden = !isCoordinator;
            var button = document.getElementById("staff-sync");
            if (!button.dataset.wired) {
                button.dataset.wired = "1";
                button.addEventListener("click", sync);
            }
        }
    };
})();
