package id.satupintu.jobs.serve;

import id.satupintu.jobs.CommonOptions;
import id.satupintu.jobs.Language;
import id.satupintu.jobs.OperatorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The users of {@code satupintu serve} in {@code config/users.csv}: {@code user add}, {@code user
 * key}, {@code user remove}, {@code user list}. A running server reads the file again when it
 * changes, so no restart is needed.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Key.class,
            UserCommand.Remove.class,
            UserCommand.ListUsers.class
        })
public final class UserCommand implements Runnable {
    static final BCryptPasswordEncoder PASSWORDS = new BCryptPasswordEncoder();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Adds a user with a role; the password is read from standard input or generated and shown once. */
    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "user-name")
        String name;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "planner|budget|dinsos|admin",
                descriptionKey = "user-role")
        String role;

        @Option(names = "--full-nik", descriptionKey = "user-full-nik")
        boolean fullNik;

        @Option(names = "--password-stdin", descriptionKey = "user-password-stdin")
        boolean passwordStdin;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path file = AccountFile.of(options.dataDirectory());
            List<Account> accounts = new ArrayList<>(AccountFile.read(file));
            checkName(name);
            if (accounts.stream().anyMatch(account -> account.name().equals(name))) {
                throw new OperatorException(
                        "Pengguna " + name + " sudah ada di " + file,
                        "The user " + name + " already exists in " + file);
            }
            Role parsed = Role.parse(role)
                    .orElseThrow(() -> new OperatorException(
                            "Peran tidak dikenal: " + role + " (planner, budget, dinsos, admin)",
                            "Unknown role: " + role + " (planner, budget, dinsos, admin)"));
            if (fullNik && parsed != Role.DINSOS) {
                throw new OperatorException(
                        "--full-nik hanya untuk peran dinsos", "--full-nik is only for the dinsos role");
            }
            String password = passwordStdin ? readPassword() : AccountFile.generatePassword();
            accounts.add(new Account(
                    name,
                    parsed,
                    PASSWORDS.encode(password),
                    Optional.empty(),
                    fullNik,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            AccountFile.write(file, accounts);
            PrintWriter out = spec.commandLine().getOut();
            out.println(Language.format(options.messages(), "user.added", name, parsed.label(), file));
            if (!passwordStdin) {
                out.println(Language.format(options.messages(), "user.password", password));
            }
            return 0;
        }

        private static String readPassword() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.strip().length() < 12) {
                throw new OperatorException(
                        "Kata sandi dari masukan standar harus sedikitnya 12 karakter",
                        "The password on standard input must be at least 12 characters");
            }
            return line.strip();
        }
    }

    /** Issues a new API key for a user (replacing the one before), shown once. */
    @Command(name = "key", mixinStandardHelpOptions = true)
    static final class Key implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "user-name")
        String name;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path file = AccountFile.of(options.dataDirectory());
            List<Account> accounts = new ArrayList<>(AccountFile.read(file));
            int index = indexOf(accounts, name, file);
            String key = AccountFile.generateApiKey();
            accounts.set(index, accounts.get(index).withApiKeyHash(AccountFile.apiKeyHash(key)));
            AccountFile.write(file, accounts);
            spec.commandLine().getOut().println(Language.format(options.messages(), "user.key", name, key));
            return 0;
        }
    }

    /** Removes a user; the server refuses the user's password and key from the next request on. */
    @Command(name = "remove", mixinStandardHelpOptions = true)
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "user-name")
        String name;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path file = AccountFile.of(options.dataDirectory());
            List<Account> accounts = new ArrayList<>(AccountFile.read(file));
            accounts.remove(indexOf(accounts, name, file));
            AccountFile.write(file, accounts);
            spec.commandLine().getOut().println(Language.format(options.messages(), "user.removed", name, file));
            return 0;
        }
    }

    /** Lists the users: name, role, full NIK, API key issued, created; never a hash. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Account account : AccountFile.read(AccountFile.of(options.dataDirectory()))) {
                out.println(Language.format(
                        options.messages(),
                        "user.line",
                        account.name(),
                        account.role().label(),
                        account.fullNik() ? 1 : 0,
                        account.apiKeyHash().isPresent() ? 1 : 0,
                        account.createdAt().toString()));
            }
            return 0;
        }
    }

    static void checkName(String name) {
        if (!Account.NAME.matcher(name).matches()) {
            throw new OperatorException(
                    "Nama pengguna " + name
                            + " tidak sah: huruf kecil, angka, titik, garis bawah atau tanda hubung, paling banyak 64",
                    "The user name " + name
                            + " is not valid: lower-case letters, digits, dot, underscore or hyphen, at most 64");
        }
    }

    static int indexOf(List<Account> accounts, String name, Path file) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new OperatorException(
                "Pengguna " + name + " tidak ada di " + file, "There is no user " + name + " in " + file);
    }
}
