package io.roleradar.ingest.text;

import io.roleradar.model.RemoteMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteModesTest {
    @Test
    void sourceFieldsMapToModes() {
        assertThat(RemoteModes.fromField("OnSite")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.fromField("On-Site")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.fromField("remote")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromField("TELECOMMUTE")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromField("Hybrid")).isEqualTo(RemoteMode.HYBRID);
        assertThat(RemoteModes.fromField(null)).isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void aDescriptionSayingHybridOverrulesAnOnSiteField() {
        assertThat(RemoteModes.decide(RemoteMode.ONSITE, "Boston", "Engineer", "We work hybrid, 3 days a week in the office."))
                .isEqualTo(RemoteMode.HYBRID);
    }

    @Test
    void aRemoteFieldIsNotOverruledByCompanyBoilerplateAboutAHybridPolicy() {
        assertThat(RemoteModes.decide(RemoteMode.REMOTE, "Sydney", "Lead", "Location-based hybrid policy: staff are in an office 25% of the time."))
                .isEqualTo(RemoteMode.REMOTE);
    }

    @Test
    void daysAWeekInTheOfficeMakeARemoteFieldHybrid() {
        // Ashby's isRemote is true on these: distyl's, ramp's and patreon's postings.
        for (String days : new String[] {"Distyl is a hybrid working environment and requires in-office collaboration 3 days a week.",
                "This role will require you to be comfortable with working in-person at our NYC HQ (located near Madison Square Park) "
                        + "at least 2 days/week",
                "Patreon operates under a hybrid work model, where employees are expected to come into the office two days per week.",
                "Our HQ is in New York City with a hybrid schedule (3 in-office days per week).",
                "This role is based in Chicago with an expectation of 2\u20133 days a week in the office."}) {
            assertThat(RemoteModes.decide(RemoteMode.REMOTE, "San Francisco", "Engineer", days)).as(days).isEqualTo(RemoteMode.HYBRID);
        }
    }

    @Test
    void aRemoteFieldStandsWhereTheLocationTitleOrTextAlsoOffersRemoteWork() {
        String days = "Our team works in-office 3 days per week.";
        assertThat(RemoteModes.decide(RemoteMode.REMOTE, "USA (Remote)", "Engineer", days)).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.decide(RemoteMode.REMOTE, "Boston", "Engineer - Remote", days)).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.decide(RemoteMode.REMOTE, "United States", "Analyst",
                "This role is open to remote candidates across the United States. For those based near San Francisco, " + days))
                .isEqualTo(RemoteMode.REMOTE);
        // Nor office days stated for some people only, or for lunches.
        assertThat(RemoteModes.decide(RemoteMode.REMOTE, "United States", "Sales Engineer", "- If you're based in Chicago, "
                + "our Chicago office offers a hybrid schedule with four days in-office per week.\n- If you are outside of Chicago, "
                + "this role is aligned with the East Coast timezone.")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.decide(RemoteMode.REMOTE, "San Francisco", "Engineer",
                "We provide in-office lunches two days per week.")).isEqualTo(RemoteMode.REMOTE);
        // Words of hybrid without days are no reason either: "hybrid" alone is often company boilerplate.
        assertThat(RemoteModes.decide(RemoteMode.REMOTE, "Milan", "Engineer", "Benefits: flexible hybrid working system"))
                .isEqualTo(RemoteMode.REMOTE);
    }

    @Test
    void withoutAFieldTheLocationThenTheTextDecide() {
        assertThat(RemoteModes.decide(RemoteMode.UNKNOWN, "Remote (US)", "Engineer", "Build things.")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.decide(RemoteMode.UNKNOWN, "Austin", "Engineer", "This role is fully remote.")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.decide(RemoteMode.UNKNOWN, "Austin", "Engineer", "This position is on-site in Austin.")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.decide(RemoteMode.UNKNOWN, "Austin", "Engineer", "Build things.")).isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void remoteInAnotherSenseDoesNotCount() {
        assertThat(RemoteModes.fromText("Experience with remote sensing and hybrid cloud deployments.")).isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void eachPhraseIsFoundWhateverItsCaseAndWhereverItsWordIs() {
        assertThat(RemoteModes.fromText("Our team works Two days per week at our OFFICE in Berlin.")).isEqualTo(RemoteMode.HYBRID);
        assertThat(RemoteModes.fromText("A HYBRID schedule.")).isEqualTo(RemoteMode.HYBRID);
        assertThat(RemoteModes.fromText("We are a Remote-First company.")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText("You can Work From Anywhere.")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText("This is an In-Person JOB at the lab.")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.fromText("Expect five days a week in the office.")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.fromText("Note: this job is NOT remote.")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.fromText("Visit our office and our website; personal growth matters.")).isEqualTo(RemoteMode.UNKNOWN);
        assertThat(RemoteModes.fromText("Fully remote. " + "x".repeat(200) + " This position is based on-site."))
                .isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void everyListedPhraseStatesItsModeAndLookalikesDoNot() {
        for (String hybrid : new String[] {"Hybrid role", "3+ days each week from the office", "1 day a week at our office",
                "2-3 days per week in the office", "in office 3 days per week", "onsite 4 days per week",
                "on-site in Berlin, minimum of 3 days/week",
                "3 in-office days per week", "four days in-office per week"}) {
            assertThat(RemoteModes.fromText(hybrid)).as(hybrid).isEqualTo(RemoteMode.HYBRID);
        }
        for (String remote : new String[] {"100% remote", "entirely remote", "remote only", "remote friendly",
                "the position is fully remote", "a remote opportunity", "remote role"}) {
            assertThat(RemoteModes.fromText(remote)).as(remote).isEqualTo(RemoteMode.REMOTE);
        }
        for (String onsite : new String[] {"an on-site role", "onsite position", "in office job", "5 days per week at our office",
                "fully onsite", "a fully in-person team",
                "this role is based in-office", "this position is in person", "not a remote"}) {
            assertThat(RemoteModes.fromText(onsite)).as(onsite).isEqualTo(RemoteMode.ONSITE);
        }
        for (String neither : new String[] {"hybrid-model search", "hybrid search", "remoteness", "officer", "fully remotely",
                "five days a week", "noteworthy remote teams", "on-site five days per week", "in-person offsites 2 days a quarter",
                "in the office. We meet 2 days a week"}) {
            assertThat(RemoteModes.fromText(neither)).as(neither).isEqualTo(RemoteMode.UNKNOWN);
        }
    }

    @Test
    void hybridGamesPublishersAndTeamsOfPeopleAndAgentsAreNoWorkMode() {
        // voodoo's boilerplate made its fully remote postings HYBRID.
        assertThat(RemoteModes.fromText("This position is fully remote. Our gaming team is made up of hybrid-casual, casual, "
                + "and mid-core experts.")).isEqualTo(RemoteMode.REMOTE);
        for (String neither : new String[] {"real interest in casual and hybrid games", "the largest hybrid publisher",
                "build hybrid teams of human and AI agents", "a hybrid team of AI researchers and engineers"}) {
            assertThat(RemoteModes.fromText(neither)).as(neither).isEqualTo(RemoteMode.UNKNOWN);
        }
        assertThat(RemoteModes.fromText("Join our hybrid team in Bangkok.")).isEqualTo(RemoteMode.HYBRID);
    }

    @Test
    void hybridDeniedInItsClauseIsNoWorkMode() {
        // pylon-labs' and pear's postings read HYBRID from the very words that rule it out.
        assertThat(RemoteModes.decide(RemoteMode.UNKNOWN, "San Francisco", "Product Manager",
                "This is a fully in-person role; we do not offer remote or hybrid options")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.fromText("Bangalore [WeWork Embassy Tech Village] (no remote/hybrid please)"))
                .isEqualTo(RemoteMode.UNKNOWN);
        assertThat(RemoteModes.fromText("We don't require 3 days a week in the office.")).isEqualTo(RemoteMode.UNKNOWN);
        // A later clause, or a "but", states the mode again.
        assertThat(RemoteModes.fromText("This role is not fully remote but hybrid.")).isEqualTo(RemoteMode.HYBRID);
        assertThat(RemoteModes.fromText("No visa sponsorship. This role is hybrid.")).isEqualTo(RemoteMode.HYBRID);
        assertThat(RemoteModes.fromText("Casino analytics team, hybrid in Las Vegas")).isEqualTo(RemoteMode.HYBRID);
    }

    @Test
    void aFullyInPersonTeamKeepsItsOnSiteFieldWhateverElseItsTextSays() {
        // telli's: its "hybrid teams of human and AI agents" made it HYBRID, then its "remote-first" REMOTE.
        assertThat(RemoteModes.decide(RemoteMode.ONSITE, "Berlin", "Software Engineer", "We're a small, fully in-person team "
                + "based in Berlin.\n\nYou may not make a good fit if you prefer a remote-first environment."))
                .isEqualTo(RemoteMode.ONSITE);
    }

    @Test
    void aRemoteOptionBesideAnOfficeIsRemote() {
        assertThat(RemoteModes.decide(RemoteMode.ONSITE, "Seattle", "Engineer", "Our company is in-office at our Seattle HQ. "
                + "For this role, we are open to remote candidates with Bay Area experience.")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText("Located at our Santa Clara headquarters, Seattle office, or remotely within the US."))
                .isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText("This role is based in London or remotely in the UK.")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText("We work five days a week at HQ. We are not open to remote candidates."))
                .isEqualTo(RemoteMode.UNKNOWN);
        assertThat(RemoteModes.fromText("Based in Indonesia and open to remote collaboration.")).isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void aLocationStatedInTheTextAsRemoteIsRemote() {
        // Adzuna has no work-mode field; its descriptions state the location.
        assertThat(RemoteModes.decide(RemoteMode.UNKNOWN, "State Farm, Arlington County", "Senior Software Developer",
                "SSG is seeking a talented Senior Software Developer Location: Remote Department: Veterans Affairs"))
                .isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.decide(RemoteMode.UNKNOWN, "Eagan, Dakota County", "Data Engineer",
                "Job Description: Data Engineer Location: Eagan, Minnesota (Remote) Role Overview")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText("Experience with remote sensing (remote monitoring) a plus.")).isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void phrasesAreFoundDeepInALongDescriptionWhateverTheirCue() {
        String filler = "We build tools for analysts and care about craft. ".repeat(100);
        assertThat(RemoteModes.fromText(filler + "Expect Three days each week from our office. " + filler)).isEqualTo(RemoteMode.HYBRID);
        assertThat(RemoteModes.fromText(filler + "The position is fully remote." + filler)).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText(filler + "This position is based in-person")).isEqualTo(RemoteMode.ONSITE);
        assertThat(RemoteModes.fromText(filler + "Work from anywhere")).isEqualTo(RemoteMode.REMOTE);
        assertThat(RemoteModes.fromText(filler)).isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void aPhraseStartingInsideAnotherStillCounts() {
        // "not a remote" (on-site) and "remote role" (remote) overlap: both are stated, so they cancel out.
        assertThat(RemoteModes.fromText("This is not a remote role.")).isEqualTo(RemoteMode.UNKNOWN);
    }
}
