/*
 * Adaptive Card render harness: the official renderer (npm "adaptivecards" 3.x) with the Microsoft Teams
 * light host config (npm "adaptivecards-designer", lib/hostConfigs/microsoft-teams-light.json).
 *
 * Used by tests/TeamsAmdl.Cards.Tests (headless Chromium) and meant to be reused by dev pages (e.g. /dev/inbox):
 *
 *   <script src=".../node_modules/adaptivecards/dist/adaptivecards.min.js"></script>
 *   <script src=".../cards/render/harness.js"></script>
 *   const result = await CardHarness.render(cardJson, document.getElementById("card"));
 *   // result.problems: [{ stage, event, message }], empty when the card is fine
 *
 * Paths are resolved relative to this script, so serve the repository root (node_modules/ next to cards/), or
 * pass { hostConfigUrl } / call CardHarness.configure({ hostConfigUrl }) when the files live elsewhere.
 *
 * What counts as a problem (stage):
 *   json        payload is not a JSON object, or "type" is not "AdaptiveCard"
 *   version     "version" missing, malformed, or above maxVersion (1.5, what Teams renders)
 *   parse       every SerializationContext event while parsing for target version 1.5: unknown element/action
 *               types, invalid property values, properties newer than 1.5, ...
 *   validation  every ValidationResults event of card.validateProperties(): duplicate ids, required inputs
 *               without label/error message, empty choice sets, too many actions, unsupported version, ...
 *   render      render() produced no element, or an element without height
 *   exception   the renderer threw
 *
 * Profiles (options.profile): "outlook" checks a card as Outlook Actionable Messages render it, like the designer's
 * Outlook container (src/containers/outlook): outlook-desktop.json host config, target version 1.4, Action.Submit
 * not registered (an Action.Submit, fallbacks included, is an unknown action type there).
 */
(function (global) {
    "use strict";

    var scriptUrl = (document.currentScript && document.currentScript.src) || global.location.href;

    var settings = {
        hostConfigUrl: new URL("../../node_modules/adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json", scriptUrl).href,
        maxVersion: "1.5"
    };

    var hostConfigCache = {};

    var profiles = {
        outlook: {
            hostConfigUrl: new URL("../../node_modules/adaptivecards-designer/lib/hostConfigs/outlook-desktop.json", scriptUrl).href,
            maxVersion: "1.4",
            withoutActions: ["Action.Submit"],
            host: "Outlook"
        }
    };

    function ac() {
        if (!global.AdaptiveCards) {
            throw new Error("AdaptiveCards is not loaded: include node_modules/adaptivecards/dist/adaptivecards.min.js first.");
        }
        return global.AdaptiveCards;
    }

    function configure(options) {
        Object.keys(options || {}).forEach(function (k) { settings[k] = options[k]; });
        return Object.assign({}, settings);
    }

    /** Loads (once per URL) the host config JSON and wraps it in an AdaptiveCards.HostConfig. */
    function loadHostConfig(url) {
        var effective = url || settings.hostConfigUrl;
        if (!hostConfigCache[effective]) {
            hostConfigCache[effective] = fetch(effective).then(function (response) {
                if (!response.ok) throw new Error("Host config " + effective + ": HTTP " + response.status);
                return response.json();
            }).then(function (json) { return new (ac().HostConfig)(json); });
        }
        return hostConfigCache[effective];
    }

    function parseVersion(text) {
        var m = /^(\d+)\.(\d+)$/.exec(typeof text === "string" ? text.trim() : "");
        return m ? { major: parseInt(m[1], 10), minor: parseInt(m[2], 10) } : null;
    }

    function isAbove(v, max) {
        return v.major > max.major || (v.major === max.major && v.minor > max.minor);
    }

    function eventName(event) {
        var names = ac().ValidationEvent;
        return (names && names[event] !== undefined) ? names[event] : String(event);
    }

    /**
     * Checks and renders one card. payload: card object or JSON text. target: element to render into (optional;
     * without it the card is rendered into a detached element). options: { hostConfig, hostConfigUrl,
     * onExecuteAction(action) }. Resolves to { problems, rendered, height, element, card }.
     */
    async function render(payload, target, options) {
        options = options || {};
        var AC = ac();
        var problems = [];
        function add(stage, event, message) { problems.push({ stage: stage, event: event || null, message: String(message) }); }

        var json = payload;
        if (typeof payload === "string") {
            try { json = JSON.parse(payload); } catch (e) { add("json", null, "Not JSON: " + e.message); }
        }
        if (!json || typeof json !== "object" || Array.isArray(json)) {
            if (problems.length === 0) add("json", null, "The card is not a JSON object.");
            return { problems: problems, rendered: false, height: 0, element: null, card: null };
        }
        if (json.type !== "AdaptiveCard") add("json", "MissingCardType", "type is '" + json.type + "', expected 'AdaptiveCard'.");

        var profile = options.profile ? profiles[options.profile] : null;
        if (options.profile && !profile) add("json", null, "Unknown profile '" + options.profile + "'.");
        var maxText = profile ? profile.maxVersion : settings.maxVersion;
        var max = parseVersion(maxText);
        var version = parseVersion(json.version);
        if (json.version === undefined) add("version", null, "version is missing.");
        else if (!version) add("version", null, "version '" + json.version + "' is not of the form 'major.minor' (a string).");
        else if (isAbove(version, max)) add("version", "UnsupportedCardVersion", "version " + json.version + " is above " + maxText + ", the highest version " + (profile ? profile.host : "Teams") + " renders.");

        var hostConfig = options.hostConfig || await loadHostConfig(profile ? profile.hostConfigUrl : options.hostConfigUrl);
        var maxVersion = new AC.Version(max.major, max.minor);

        var card = new AC.AdaptiveCard();
        card.hostConfig = hostConfig;
        card.maxVersion = maxVersion;
        if (options.onExecuteAction) card.onExecuteAction = options.onExecuteAction;

        var element = null;
        try {
            var context = new AC.SerializationContext(maxVersion);
            if (profile && profile.withoutActions) {
                var actions = new AC.CardObjectRegistry();
                AC.GlobalRegistry.populateWithDefaultActions(actions);
                profile.withoutActions.forEach(function (name) { actions.unregister(name); });
                context.setActionRegistry(actions);
            }
            card.parse(json, context);
            for (var i = 0; i < context.eventCount; i++) {
                var ev = context.getEventAt(i);
                add("parse", eventName(ev.event), ev.message);
            }

            var validation = card.validateProperties();
            validation.validationEvents.forEach(function (ev) { add("validation", eventName(ev.event), ev.message); });

            element = card.render() || null;
            if (element && target) {
                target.innerHTML = "";
                target.appendChild(element);
                card.updateLayout();
            }
        } catch (e) {
            add("exception", null, (e && e.stack) || e);
        }

        var height = 0;
        if (!element) {
            add("render", null, "render() produced no element.");
        } else if (target) {
            height = element.getBoundingClientRect().height;
            if (!(height > 0) || element.childElementCount === 0) add("render", null, "The rendered card is empty (height " + height + ").");
        }
        return { problems: problems, rendered: !!element, height: height, element: element, card: card };
    }

    /** For the tests: like render, but returns only plain data (no DOM/renderer objects). */
    async function renderForTest(payload, targetId, profile) {
        var result = await render(payload, document.getElementById(targetId || "card"), profile ? { profile: profile } : {});
        return { problems: result.problems, rendered: result.rendered, height: result.height };
    }

    global.CardHarness = {
        configure: configure,
        loadHostConfig: loadHostConfig,
        render: render,
        renderForTest: renderForTest,
        get settings() { return Object.assign({}, settings); }
    };
})(window);
