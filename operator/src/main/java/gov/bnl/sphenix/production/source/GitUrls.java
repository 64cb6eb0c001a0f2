package gov.bnl.sphenix.production.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Git repository URLs where secrets may hide: the one redaction every message, status field,
 * event and log line that can carry a URL goes through, and the test that decides whether a
 * credentials Secret may be sent to a URL.
 */
public final class GitUrls {

    /** {@code scheme://user-info@}: whatever stands between {@code //} and {@code @} before the host. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");

    private GitUrls() {
    }

    /** The text with the user-info of every URL in it replaced: {@code https://user:token@host} → {@code https://***@host}. */
    public static String redact(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
    }

    /**
     * Does {@code url} lie under {@code prefix}? Compared as URLs, not as strings: the same scheme
     * (http or https), the same host and port (default ports filled in), and a path equal to the
     * prefix's or below it at a {@code /}. So {@code https://github.com/sphenix} covers
     * {@code https://github.com/sphenix/specs.git} but neither {@code https://github.com.evil.org/…}
     * nor {@code https://github.com/sphenix-evil/…}. Anything that does not parse is not covered.
     */
    public static boolean covers(String prefix, String url) {
        Optional<URI> p = parse(prefix);
        Optional<URI> u = parse(url);
        if (p.isEmpty() || u.isEmpty()) {
            return false;
        }
        URI a = p.get();
        URI b = u.get();
        if (!a.getScheme().equals(b.getScheme()) || !a.getHost().equals(b.getHost()) || port(a) != port(b)) {
            return false;
        }
        String base = a.getPath().endsWith("/") ? a.getPath() : a.getPath() + "/";
        return b.getPath().equals(a.getPath()) || b.getPath().startsWith(base);
    }

    private static Optional<URI> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip()).normalize();
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawPath() == null || uri.getPath().contains("/../") || uri.getPath().endsWith("/..")
                    || uri.getPath().startsWith("..")) {
                return Optional.empty();
            }
            String path = uri.getPath().isEmpty() ? "/" : uri.getPath();
            return Optional.of(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), path,
                    null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equals("https") ? 443 : 80;
    }
}
