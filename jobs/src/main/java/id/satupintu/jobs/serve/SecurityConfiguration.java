package id.satupintu.jobs.serve;

import id.satupintu.pipeline.lake.DataDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may ask for what. A person logs in on the dashboard's form (a session); a program sends its API
 * key as {@code X-API-Key} or a user's password by HTTP Basic. Each figure belongs to roles:
 *
 * <ul>
 *   <li>recipients, trend, overlap, changes, targeting, coverage: planner and dinsos;
 *   <li>spending: budget;
 *   <li>named recipients: dinsos (every request, answered or refused, goes into the audit log);
 *   <li>refresh runs: admin;
 *   <li>the reference lists (months, programs, wilayah, labels) and the dashboard: every user.
 * </ul>
 *
 * An API request without a valid login is answered 401 (no login form, no browser prompt), one outside
 * the role 403. A removed user's session stops at their next request.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {
    static final String API_KEY_HEADER = "X-API-Key";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** The accounts file's users, a user name locked after too many wrong passwords ({@link LoginAttempts}). */
    @Bean
    UserDetailsService userDetailsService(AccountDirectory accounts, LoginAttempts attempts) {
        return name -> {
            Account account = accounts.byName(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
            return User.withUsername(account.name())
                    .password(account.passwordHash())
                    .authorities(account.role().authority())
                    .accountLocked(attempts.locked(account.name()))
                    .build();
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountDirectory accounts, DataDirectory data) {
        String planner = Role.PLANNER.name();
        String budget = Role.BUDGET.name();
        String dinsos = Role.DINSOS.name();
        String admin = Role.ADMIN.name();
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/login.css", "/favicon.svg", "/openapi.yaml", "/error")
                        .permitAll()
                        .requestMatchers(
                                "/api/v1/recipients",
                                "/api/v1/trend",
                                "/api/v1/overlap",
                                "/api/v1/changes",
                                "/api/v1/targeting",
                                "/api/v1/coverage")
                        .hasAnyRole(planner, dinsos)
                        .requestMatchers("/api/v1/spending")
                        .hasRole(budget)
                        .requestMatchers("/api/v1/named")
                        .hasRole(dinsos)
                        .requestMatchers("/api/v1/runs")
                        .hasRole(admin)
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) ->
                                response.sendRedirect("en".equals(request.getParameter("lang")) ? "/?lang=en" : "/"))
                        .failureHandler((request, response, exception) ->
                                response.sendRedirect("/login?error" + languageSuffix(request)))
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .logout(logout -> logout.logoutSuccessHandler((request, response, authentication) ->
                        response.sendRedirect("/login?logout" + languageSuffix(request))))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .accessDeniedHandler(auditedRefusal(data)))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                + " object-src 'none'; frame-ancestors 'none'; form-action 'self'")))
                .addFilterBefore(new ApiKeyFilter(accounts), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountCheckFilter(accounts), AuthorizationFilter.class);
        return http.build();
    }

    private static String languageSuffix(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? "&lang=en" : "";
    }

    /** A refused request for named data is audited too; every refusal is a 403. */
    private static AccessDeniedHandler auditedRefusal(DataDirectory data) {
        AccessDeniedHandlerImpl refusal = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            if (request.getRequestURI().startsWith("/api/v1/named")) {
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                NamedDataController.audit(
                        data, request, "refused", authentication == null ? null : authentication.getName(), null, 0);
            }
            refusal.handle(request, response, exception);
        };
    }

    /** Authenticates a request that carries an API key; a wrong key is refused at once (401). */
    static final class ApiKeyFilter extends OncePerRequestFilter {
        private final AccountDirectory accounts;

        ApiKeyFilter(AccountDirectory accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(API_KEY_HEADER);
            if (key == null || key.isBlank()) {
                chain.doFilter(request, response);
                return;
            }
            Optional<Account> account = accounts.byApiKey(key.strip());
            if (account.isEmpty()) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                response.setContentType("application/json");
                response.getOutputStream().write("{\"error\":\"unknown API key\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    account.get().name(),
                    null,
                    java.util.List.of(
                            new SimpleGrantedAuthority(account.get().role().authority()))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /**
     * Checks each authenticated request against the accounts file as it is now: a user removed (or given
     * another role) since they logged in is logged out.
     */
    static final class AccountCheckFilter extends OncePerRequestFilter {
        private final AccountDirectory accounts;

        AccountCheckFilter(AccountDirectory accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()) {
                Optional<Account> account = accounts.byName(authentication.getName());
                // the roles granted at log-in (beside Spring Security's factor authorities) against the file's
                boolean sameRole = account.isPresent()
                        && authentication.getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .filter(authority -> authority.startsWith("ROLE_"))
                                .toList()
                                .equals(java.util.List.of(account.get().role().authority()));
                if (!sameRole) {
                    SecurityContextHolder.clearContext();
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}
