package gov.bnl.sphenix.production.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one redaction of URLs in messages, and the URL-prefix test that decides where a token may go. */
class GitUrlsTest {

    @Test
    void userInfoIsRedactedWhereverAUrlStandsInAMessage() {
        assertThat(GitUrls.redact("fetch of https://prodbot:ghp_secret@github.com/sphenix/specs.git (main) failed:"
                + " https://prodbot:ghp_secret@github.com/sphenix/specs.git: not authorized"))
                .isEqualTo("fetch of https://***@github.com/sphenix/specs.git (main) failed:"
                        + " https://***@github.com/sphenix/specs.git: not authorized");
        assertThat(GitUrls.redact("ssh://git@host/x.git and http://token@h:8080/y")).isEqualTo(
                "ssh://***@host/x.git and http://***@h:8080/y");
        assertThat(GitUrls.redact("https://github.com/sphenix/specs.git, mail me@example.org"))
                .isEqualTo("https://github.com/sphenix/specs.git, mail me@example.org");
        assertThat(GitUrls.redact(null)).isNull();
    }

    @Test
    void aPrefixCoversTheSameSchemeHostPortAndPathsBelowIt() {
        String prefix = "https://GitHub.com/sphenix";
        assertThat(GitUrls.covers(prefix, "https://github.com/sphenix/specs.git")).isTrue();
        assertThat(GitUrls.covers(prefix, "https://github.com:443/sphenix/deep/specs.git")).isTrue();
        assertThat(GitUrls.covers(prefix, "https://github.com/sphenix")).isTrue();
        assertThat(GitUrls.covers("https://github.com/", "https://github.com/any/specs.git")).isTrue();

        assertThat(GitUrls.covers(prefix, "https://github.com.evil.org/sphenix/specs.git")).isFalse();
        assertThat(GitUrls.covers(prefix, "https://github.com/sphenix-evil/specs.git")).isFalse();
        assertThat(GitUrls.covers(prefix, "http://github.com/sphenix/specs.git")).isFalse();
        assertThat(GitUrls.covers(prefix, "https://github.com:8443/sphenix/specs.git")).isFalse();
        assertThat(GitUrls.covers(prefix, "https://github.com/sphenix/../evil/specs.git")).isFalse();
        assertThat(GitUrls.covers(prefix, "https://github.com/sphenix%2F..%2Fevil/specs.git")).isFalse();
        assertThat(GitUrls.covers(prefix, "ssh://git@github.com/sphenix/specs.git")).isFalse();
        assertThat(GitUrls.covers("", "https://github.com/sphenix/specs.git")).isFalse();
        assertThat(GitUrls.covers(prefix, "not a url")).isFalse();
    }
}
