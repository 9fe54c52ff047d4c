package io.backupdesk.alert;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Alerts;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * E-mail against a real SMTP server (GreenMail) on the loopback interface: plain with AUTH, and SSL with a
 * certificate made for 127.0.0.1 so that the server identity check stays on. GreenMail has no STARTTLS, so for
 * STARTTLS the test is the refusal to go on without it.
 */
class MailChannelTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path certificates;
    private static SSLSocketFactory trustingTheTestCertificate;
    private static SSLContext serving;

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTPS).dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@example.com", "desk", "s3cret"));

    /**
     * GreenMail's own certificate names no host, so it is replaced by one for 127.0.0.1, made with the JDK's
     * keytool. GreenMail reads these properties when it first opens a TLS port, which is after this.
     */
    @BeforeAll
    static void makeACertificateForTheLoopbackAddress() throws Exception {
        Path keystore = certificates.resolve("smtp-test.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + LOOPBACK, "-ext", "san=ip:" + LOOPBACK, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        serving = SSLContext.getInstance("TLS");
        serving.init(keyManagers.getKeyManagers(), null, null);
        Certificate certificate = keys.getCertificate("smtp");
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("smtp", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        trustingTheTestCertificate = context.getSocketFactory();
    }

    private static Alerts.MailServer server(int port, String security, String user) {
        return new Alerts.MailServer(LOOPBACK, port, security, user, "desk@example.com", "dba@example.com, oncall@example.com");
    }

    private static int smtpPort() {
        return SERVER.getSmtp().getPort();
    }

    private static Alert alert() {
        return new Alert("Backup of sales on prod failed", "Error: the disk is full.\nWhat to do: free space – now.",
                Instant.parse("2026-11-21T03:00:00Z"), Alert.Severity.FAILURE);
    }

    private static MailChannel channel(Alerts.MailServer server, String password) {
        return new MailChannel(server, () -> Optional.ofNullable(password), Duration.ofSeconds(5), trustingTheTestCertificate);
    }

    private static BackupDeskException failureOf(MailChannel channel) {
        return catchThrowableOfType(BackupDeskException.class, () -> channel.send(alert()));
    }

    @Test
    void aPlainTextMailIsSentWithAuthToEveryRecipient() throws Exception {
        channel(server(smtpPort(), "none", "desk"), "s3cret").send(alert());

        assertThat(SERVER.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage received = SERVER.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("[Backup Desk] Backup of sales on prod failed");
        assertThat(received.getFrom()[0].toString()).isEqualTo("desk@example.com");
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("dba@example.com", "oncall@example.com");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(GreenMailUtil.getBody(received)).contains("Error: the disk is full.");
        assertThat(received.getContent().toString().strip())
                .isEqualTo("Error: the disk is full.\nWhat to do: free space – now.".replace("\n", "\r\n"));
    }

    @Test
    void aServerWithoutLoginTakesMailWithoutAuth() {
        channel(server(smtpPort(), "none", null), null).send(alert());

        assertThat(SERVER.waitForIncomingEmail(5000, 2)).isTrue();
    }

    @Test
    void sslFromTheFirstByteWorksWithATrustedCertificateForTheHost() throws Exception {
        channel(server(SERVER.getSmtps().getPort(), "ssl", "desk"), "s3cret").send(alert());

        assertThat(SERVER.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(SERVER.getReceivedMessages()[0].getSubject()).isEqualTo("[Backup Desk] Backup of sales on prod failed");
    }

    /**
     * Against a TLS socket of the test's own rather than GreenMail: a refused handshake makes GreenMail's connection
     * thread die with an exception, which TestFX, loaded in the same JVM, would rethrow in a later UI test.
     */
    @Test
    void aCertificateJavaDoesNotTrustIsRefusedBeforeTheLogin() throws Exception {
        try (ServerSocket tls = serving.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread handshake = new Thread(() -> {
                try (Socket client = tls.accept()) {
                    ((SSLSocket) client).startHandshake();
                } catch (IOException expected) {
                    // the client refuses the certificate and hangs up
                }
            }, "test-tls-server");
            handshake.start();
            MailChannel channel = new MailChannel(server(tls.getLocalPort(), "ssl", "desk"), () -> Optional.of("s3cret"),
                    Duration.ofSeconds(5), null);

            BackupDeskException e = failureOf(channel);

            handshake.join(5000);
            assertThat(e.getMessage()).startsWith("The SMTP server 127.0.0.1:" + tls.getLocalPort()
                    + " showed a certificate that Java on this computer does not trust");
            assertThat(e.hint()).contains("certificate authority");
        }
    }

    @Test
    void starttlsIsRequiredNotSkippedWhenTheServerDoesNotOfferIt() {
        BackupDeskException e = failureOf(channel(server(smtpPort(), "starttls", "desk"), "s3cret"));

        assertThat(e.getMessage()).contains("does not offer STARTTLS").contains("nothing was sent");
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordIsNamedWithAHint() {
        BackupDeskException e = failureOf(channel(server(smtpPort(), "none", "desk"), "wrong"));

        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(e.getMessage()).startsWith("The SMTP server 127.0.0.1:" + smtpPort() + " refused the login")
                .doesNotContain("wrong");
        assertThat(e.hint()).contains("SMTP user and password");
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void aUserWithoutAStoredPasswordIsAConfigurationError() {
        BackupDeskException e = failureOf(channel(server(smtpPort(), "none", "desk"), null));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(e.getMessage()).isEqualTo("No SMTP password is stored for desk.");
    }

    @Test
    void aBadAddressIsNamedBeforeConnecting() {
        Alerts.MailServer noAt = new Alerts.MailServer(LOOPBACK, smtpPort(), "none", null, "desk@example.com", "dba at example");

        BackupDeskException e = failureOf(channel(noAt, null));

        assertThat(e.getMessage()).startsWith("The To address is not valid");
    }

    @Test
    void aClosedPortIsARefusedConnection() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        BackupDeskException e = failureOf(channel(server(closed, "none", null), null));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(e.getMessage()).isEqualTo("Could not connect to the SMTP server 127.0.0.1:" + closed
                + ": the connection was refused.");
        assertThat(e.hint()).contains("Port 465 usually takes SSL");
    }

    @Test
    void aServerThatNeverGreetsTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MailChannel channel = new MailChannel(server(silent.getLocalPort(), "none", null), Optional::empty,
                    Duration.ofMillis(700), null);

            BackupDeskException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> failureOf(channel));

            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("The SMTP server 127.0.0.1:" + silent.getLocalPort()
                    + " did not answer within 700 ms.");
        }
    }
}
