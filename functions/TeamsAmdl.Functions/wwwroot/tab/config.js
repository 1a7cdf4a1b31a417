/*
 * Configuration page of the channel tab (manifest configurableTabs, https://{host}/tab/config). Teams shows it when the
 * tab is added to a channel; "Speichern" stores the tab's contentUrl (optionally pre-filtered to a team).
 */
(function () {
    "use strict";

    function $(id) { return document.getElementById(id); }

    async function loadTeams() {
        try {
            var token = await microsoftTeams.authentication.getAuthToken();
            var res = await fetch("/api/digest/teams", { headers: { "Authorization": "Bearer " + token } });
            if (!res.ok) return;
            (await res.json()).forEach(function (t) { $("team").add(new Option(t.name, t.id)); });
        } catch (e) {
            $("config-status").textContent = "Die Teams der App konnten nicht geladen werden; der Tab zeigt dann alle Teams.";
        }
    }

    document.addEventListener("DOMContentLoaded", async function () {
        if (!window.microsoftTeams) {
            $("config-status").textContent = "Diese Seite wird in Microsoft Teams beim Hinzufügen des Tabs angezeigt.";
            return;
        }
        try {
            await Promise.race([microsoftTeams.app.initialize(), new Promise(function (_, reject) { setTimeout(reject, 5000); })]);
        } catch (e) {
            $("config-status").textContent = "Diese Seite wird in Microsoft Teams beim Hinzufügen des Tabs angezeigt.";
            return;
        }
        microsoftTeams.pages.config.registerOnSaveHandler(function (saveEvent) {
            var team = $("team").value;
            var base = location.origin + "/tab?kontext=kanal" + (team ? "&team=" + encodeURIComponent(team) : "");
            microsoftTeams.pages.config.setConfig({
                entityId: "massnahmeinfo-kanal" + (team ? "-" + team : ""),
                contentUrl: base,
                websiteUrl: base,
                suggestedDisplayName: "Maßnahmeinfo"
            }).then(function () { saveEvent.notifySuccess(); }, function (e) { saveEvent.notifyFailure(String(e && e.message || e)); });
        });
        microsoftTeams.pages.config.setValidityState(true);
        await loadTeams();
    });
})();
