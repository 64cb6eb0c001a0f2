package gov.bnl.sphenix.production.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Serves one git repository for fetching over ssh on 127.0.0.1, as a git host would: public-key
 * authentication for one key, {@code git-upload-pack} only.
 */
final class GitSshServer implements AutoCloseable {

    private final SshServer server;

    GitSshServer(Repository repository, PublicKey authorized, Path hostKey) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorized));
        server.setCommandFactory((channel, command) -> new UploadPackCommand(repository, command));
        server.start();
    }

    String url(String path) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + path;
    }

    /** The line a known_hosts file needs to trust this server. */
    String knownHostsLine() throws Exception {
        KeyPair host = server.getKeyPairProvider().loadKeys(null).iterator().next();
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code git-upload-pack '<path>'}: what {@code git fetch} runs on the server. */
    private static final class UploadPackCommand implements Command {

        private final Repository repository;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Thread worker;

        UploadPackCommand(Repository repository, String command) {
            this.repository = repository;
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            if (!command.startsWith("git-upload-pack")) {
                exit.onExit(1, "this server only serves fetches, not: " + command);
                return;
            }
            worker = new Thread(() -> {
                try {
                    new UploadPack(repository).upload(in, out, err);
                    out.flush();
                    exit.onExit(0);
                } catch (IOException e) {
                    exit.onExit(1, String.valueOf(e.getMessage()));
                }
            }, "git-upload-pack");
            worker.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (worker != null) {
                worker.interrupt();
            }
        }
    }
}
