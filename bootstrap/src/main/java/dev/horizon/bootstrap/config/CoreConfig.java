package dev.horizon.bootstrap.config;

import static dev.horizon.bootstrap.config.Check.atLeast;
import static dev.horizon.bootstrap.config.Check.fraction;
import static dev.horizon.bootstrap.config.Check.fractionOrZero;
import static dev.horizon.bootstrap.config.Check.nonNegative;
import static dev.horizon.bootstrap.config.Check.or;
import static dev.horizon.bootstrap.config.Check.positive;
import static dev.horizon.bootstrap.config.Check.probability;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engine's own config sections (everything but the adapter sections), read from YAML with
 * snake_case keys. Every key has a default (docs/CONFIG.md lists them); the PIPELINE.md keys keep
 * their names, except that durations drop their unit suffix and take a unit in the value
 * ({@code risk.cooldown: 5s} for {@code [risk.cooldown_seconds]}).
 */
public record CoreConfig(Engine engine, List<String> horizons, Prediction prediction, Blending blending,
                         CostModel costModel, Arbitration arbitration, Gating gating, Sizing sizing, Risk risk,
                         Execution execution, Reconciliation reconciliation, Admin admin, Logging logging) {

    /** The default horizons of PIPELINE.md §0. */
    public static final List<String> DEFAULT_HORIZONS = List.of("5m", "10m", "15m", "30m", "60m", "1d");

    public CoreConfig {
        engine = or(engine, Engine.defaults());
        horizons = List.copyOf(or(horizons, DEFAULT_HORIZONS));
        if (horizons.isEmpty()) {
            throw new ConfigException("horizons", "at least one horizon is needed (e.g. [5m, 15m, 1d])");
        }
        prediction = or(prediction, Prediction.defaults());
        blending = or(blending, Blending.defaults());
        costModel = or(costModel, CostModel.defaults());
        arbitration = or(arbitration, Arbitration.defaults());
        gating = or(gating, Gating.defaults());
        sizing = or(sizing, Sizing.defaults());
        risk = or(risk, Risk.defaults());
        execution = or(execution, Execution.defaults());
        reconciliation = or(reconciliation, Reconciliation.defaults());
        admin = or(admin, Admin.defaults());
        logging = or(logging, Logging.defaults());
    }

    /** Every key at its default (the universe still has to be named). */
    public static CoreConfig defaults() {
        return new CoreConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@code engine.*}: identity, universe, bars and the market calendar. */
    public record Engine(String id, List<String> universe, Duration barInterval, Integer historyBars,
                         Integer volLookback, String calendar, List<LocalDate> holidays, Boolean tradeOutsideSession,
                         Duration barCloseDelay, Boolean allowShort, BigDecimal lotSize, Map<String, BigDecimal> lotSizes,
                         Double estimatedFeeBps) {

        /** Calendars {@code engine.calendar} may name. */
        public static final Set<String> CALENDARS = Set.of("us_equities", "always_open");

        public Engine {
            id = or(id, "horizon");
            if (!id.matches("[a-z0-9]{1,16}")) {
                throw new ConfigException("engine.id", "'" + id + "' must be 1-16 lower-case letters or digits"
                        + " (it is part of every client order id)");
            }
            universe = List.copyOf(or(universe, List.of()));
            barInterval = or(barInterval, Duration.ofMinutes(1));
            if (barInterval.isZero() || barInterval.toSeconds() % 60 != 0 || barInterval.toMillis() % 60_000 != 0) {
                throw new ConfigException("engine.bar_interval", Durations.format(barInterval)
                        + " must be a whole number of minutes (1m, 5m, 1h, 1d)");
            }
            historyBars = atLeast("engine.history_bars", or(historyBars, 300), 2);
            volLookback = atLeast("engine.vol_lookback", or(volLookback, 60), 2);
            calendar = or(calendar, "us_equities").toLowerCase(Locale.ROOT);
            if (!CALENDARS.contains(calendar)) {
                throw new ConfigException("engine.calendar", "'" + calendar + "' is not one of us_equities, always_open");
            }
            holidays = List.copyOf(or(holidays, List.of()));
            tradeOutsideSession = or(tradeOutsideSession, false);
            barCloseDelay = or(barCloseDelay, Duration.ofSeconds(2));
            allowShort = or(allowShort, false);
            lotSize = or(lotSize, BigDecimal.ONE);
            if (lotSize.signum() <= 0) {
                throw new ConfigException("engine.lot_size", lotSize.toPlainString() + " must be positive");
            }
            lotSizes = new TreeMap<>(or(lotSizes, Map.of()));
            lotSizes.forEach((symbol, lot) -> {
                if (lot == null || lot.signum() <= 0) {
                    throw new ConfigException("engine.lot_sizes." + symbol, "must be a positive quantity");
                }
            });
            lotSizes = Map.copyOf(lotSizes);
            estimatedFeeBps = nonNegative("engine.estimated_fee_bps", or(estimatedFeeBps, 0.0));
        }

        static Engine defaults() {
            return new Engine(null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** {@code prediction.*}: standardization and confidence (PIPELINE §1.4–1.5). */
    public record Prediction(Integer zWindowCycles, Integer zMinObs, Double zClip, Integer icWindow,
                             Double icPriorWeight, Double icPrior, Double capacityKappa, Integer stabilityWindow,
                             Integer stabilityMinObs, Duration maturityGrace) {
        public Prediction {
            zWindowCycles = atLeast("prediction.z_window_cycles", or(zWindowCycles, 20), 1);
            zMinObs = atLeast("prediction.z_min_obs", or(zMinObs, 20), 1);
            zClip = positive("prediction.z_clip", or(zClip, 3.0));
            icWindow = atLeast("prediction.ic_window", or(icWindow, 500), 1);
            icPriorWeight = nonNegative("prediction.ic_prior_weight", or(icPriorWeight, 100.0));
            icPrior = or(icPrior, 0.02);
            if (!(icPrior >= -1 && icPrior <= 1)) {
                throw new ConfigException("prediction.ic_prior", Check.number(icPrior) + " must be an IC in [-1, 1]");
            }
            capacityKappa = positive("prediction.capacity_kappa", or(capacityKappa, 0.1));
            stabilityWindow = atLeast("prediction.stability_window", or(stabilityWindow, 50), 1);
            stabilityMinObs = atLeast("prediction.stability_min_obs", or(stabilityMinObs, 10), 1);
            maturityGrace = or(maturityGrace, Duration.ofMinutes(10));
        }

        static Prediction defaults() {
            return new Prediction(null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * {@code blending.*} (PIPELINE §2). {@code temperature} maps horizon labels to T, with
     * {@code default} for the others.
     */
    public record Blending(Integer windowCycles, Integer minRows, Double ridgeLambda, Double costLambda,
                           Double targetFloor, Map<String, Double> temperature) {
        public Blending {
            windowCycles = atLeast("blending.window_cycles", or(windowCycles, 50), 1);
            minRows = atLeast("blending.min_rows", or(minRows, 20), 2);
            ridgeLambda = nonNegative("blending.ridge_lambda", or(ridgeLambda, 0.15));
            costLambda = nonNegative("blending.cost_lambda", or(costLambda, 0.5));
            targetFloor = positive("blending.target_floor", or(targetFloor, 0.01));
            Map<String, Double> t = new LinkedHashMap<>();
            if (temperature == null) {
                t.put("5m", 0.75);
                t.put("10m", 0.85);
                t.put("15m", 0.90);
                t.put("default", 1.0);
            } else {
                temperature.forEach((k, v) -> {
                    if (v == null || !Double.isFinite(v)) {
                        throw new ConfigException("blending.temperature." + k, "must be a finite number");
                    }
                    t.put(k, v);
                });
                t.putIfAbsent("default", 1.0);
            }
            temperature = java.util.Collections.unmodifiableMap(t);
        }

        static Blending defaults() {
            return new Blending(null, null, null, null, null, null);
        }
    }

    /** {@code cost_model.*}: k1 spread, k2 timing, k3 impact (PIPELINE §3). */
    public record CostModel(Double k1, Double k2, Double k3) {
        public CostModel {
            k1 = nonNegative("cost_model.k1", or(k1, 1.0));
            k2 = nonNegative("cost_model.k2", or(k2, 0.15));
            k3 = nonNegative("cost_model.k3", or(k3, 1.0));
        }

        static CostModel defaults() {
            return new CostModel(null, null, null);
        }
    }

    /** {@code arbitration.*} (PIPELINE §3). */
    public record Arbitration(Double entryThresholdBps, Double reserveSpreadMult) {
        public Arbitration {
            entryThresholdBps = or(entryThresholdBps, 2.0);
            if (!Double.isFinite(entryThresholdBps)) {
                throw new ConfigException("arbitration.entry_threshold_bps", "must be a finite number of bps");
            }
            reserveSpreadMult = nonNegative("arbitration.reserve_spread_mult", or(reserveSpreadMult, 0.5));
        }

        static Arbitration defaults() {
            return new Arbitration(null, null);
        }
    }

    /** {@code gating.*}: the spread gate, and {@code gating.barrier.*} (PIPELINE §4). */
    public record Gating(Double maxSpreadBps, Duration maxQuoteAge, Boolean checkQuoteAge, Barrier barrier) {
        public Gating {
            maxSpreadBps = positive("gating.max_spread_bps", or(maxSpreadBps, 12.0));
            maxQuoteAge = or(maxQuoteAge, Duration.ofMillis(200));
            checkQuoteAge = or(checkQuoteAge, true);
            barrier = or(barrier, Barrier.defaults());
        }

        static Gating defaults() {
            return new Gating(null, null, null, null);
        }
    }

    /** {@code gating.barrier.*}: probabilities, never percent. */
    public record Barrier(Double maxPeakForLong, Double maxValleyForShort, Double exitLongPeak, Double exitShortValley,
                          Double minFactor, Double gamma, Double delta) {
        public Barrier {
            maxPeakForLong = probability("gating.barrier.max_peak_for_long", or(maxPeakForLong, 0.60));
            maxValleyForShort = probability("gating.barrier.max_valley_for_short", or(maxValleyForShort, 0.55));
            exitLongPeak = probability("gating.barrier.exit_long_peak", or(exitLongPeak, 0.65));
            exitShortValley = probability("gating.barrier.exit_short_valley", or(exitShortValley, 0.60));
            minFactor = probability("gating.barrier.min_factor", or(minFactor, 0.2));
            gamma = nonNegative("gating.barrier.gamma", or(gamma, 1.0));
            delta = nonNegative("gating.barrier.delta", or(delta, 0.5));
        }

        static Barrier defaults() {
            return new Barrier(null, null, null, null, null, null, null);
        }
    }

    /** {@code sizing.*} (PIPELINE §5); weights and vols are fractions. */
    public record Sizing(Integer rhoWindow, Integer rhoMinObservations, Double rhoPrior, Double zMax,
                         Double targetDailyVol, Double maxWeight, Double noTradeBand, Double grossTarget,
                         BigDecimal minOrderNotional) {
        public Sizing {
            rhoWindow = atLeast("sizing.rho_window", or(rhoWindow, 2000), 1);
            rhoMinObservations = atLeast("sizing.rho_min_observations", or(rhoMinObservations, 100), 1);
            if (rhoMinObservations > rhoWindow) {
                throw new ConfigException("sizing.rho_min_observations", rhoMinObservations
                        + " exceeds sizing.rho_window " + rhoWindow);
            }
            rhoPrior = positive("sizing.rho_prior", or(rhoPrior, 0.05));
            zMax = positive("sizing.z_max", or(zMax, 3.0));
            targetDailyVol = fraction("sizing.target_daily_vol", or(targetDailyVol, 0.02), 1);
            maxWeight = fraction("sizing.max_weight", or(maxWeight, 0.05), 1);
            noTradeBand = fractionOrZero("sizing.no_trade_band", or(noTradeBand, 0.008), 1);
            grossTarget = fraction("sizing.gross_target", or(grossTarget, 0.5), 10);
            minOrderNotional = or(minOrderNotional, BigDecimal.ONE);
            if (minOrderNotional.signum() < 0) {
                throw new ConfigException("sizing.min_order_notional", minOrderNotional.toPlainString() + " must be >= 0");
            }
        }

        static Sizing defaults() {
            return new Sizing(null, null, null, null, null, null, null, null, null);
        }
    }

    /** {@code risk.*} (PIPELINE §6); limits are fractions of portfolio value. */
    public record Risk(Double maxDailyLoss, Double maxDrawdown, String onKill, Double maxPosition, Double maxGross,
                       BigDecimal maxOrderNotional, Integer maxOrdersPerCycle, Duration cooldown,
                       Integer maxOrdersPerMinute) {
        public Risk {
            maxDailyLoss = fraction("risk.max_daily_loss", or(maxDailyLoss, 0.02), 0.999);
            maxDrawdown = fraction("risk.max_drawdown", or(maxDrawdown, 0.10), 0.999);
            onKill = or(onKill, "halt").toLowerCase(Locale.ROOT);
            if (!onKill.equals("halt") && !onKill.equals("flatten")) {
                throw new ConfigException("risk.on_kill", "'" + onKill + "' is not one of halt, flatten");
            }
            maxPosition = fraction("risk.max_position", or(maxPosition, 0.20), 1);
            maxGross = fraction("risk.max_gross", or(maxGross, 1.0), 10);
            maxOrderNotional = or(maxOrderNotional, new BigDecimal("50000"));
            if (maxOrderNotional.signum() <= 0) {
                throw new ConfigException("risk.max_order_notional", maxOrderNotional.toPlainString() + " must be positive");
            }
            maxOrdersPerCycle = atLeast("risk.max_orders_per_cycle", or(maxOrdersPerCycle, 50), 1);
            cooldown = or(cooldown, Duration.ofSeconds(5));
            maxOrdersPerMinute = atLeast("risk.max_orders_per_minute", or(maxOrdersPerMinute, 120), 1);
        }

        static Risk defaults() {
            return new Risk(null, null, null, null, null, null, null, null, null);
        }
    }

    /** {@code execution.*}: how orders are sent and tracked. */
    public record Execution(String orderType, Double limitCollarBps, String timeInForce, Duration orderTimeout,
                            Duration pollInterval) {
        public Execution {
            orderType = or(orderType, "market").toLowerCase(Locale.ROOT);
            if (!orderType.equals("market") && !orderType.equals("marketable_limit")) {
                throw new ConfigException("execution.order_type", "'" + orderType + "' is not one of market, marketable_limit");
            }
            limitCollarBps = nonNegative("execution.limit_collar_bps", or(limitCollarBps, 10.0));
            timeInForce = or(timeInForce, "day").toLowerCase(Locale.ROOT);
            if (!Set.of("day", "gtc", "ioc").contains(timeInForce)) {
                throw new ConfigException("execution.time_in_force", "'" + timeInForce + "' is not one of day, gtc, ioc");
            }
            orderTimeout = or(orderTimeout, Duration.ofSeconds(30));
            pollInterval = or(pollInterval, Duration.ofSeconds(1));
            if (pollInterval.isZero()) {
                throw new ConfigException("execution.poll_interval", "must be longer than 0s");
            }
        }

        static Execution defaults() {
            return new Execution(null, null, null, null, null);
        }
    }

    /** {@code reconciliation.*}. */
    public record Reconciliation(String mode, Integer everyCycles, BigDecimal cashTolerance) {
        public Reconciliation {
            mode = or(mode, "strict").toLowerCase(Locale.ROOT);
            if (!Set.of("strict", "adopt", "warn").contains(mode)) {
                throw new ConfigException("reconciliation.mode", "'" + mode + "' is not one of strict, adopt, warn");
            }
            everyCycles = atLeast("reconciliation.every_cycles", or(everyCycles, 10), 1);
            cashTolerance = or(cashTolerance, new BigDecimal("0.01"));
            if (cashTolerance.signum() < 0) {
                throw new ConfigException("reconciliation.cash_tolerance", "must be >= 0");
            }
        }

        static Reconciliation defaults() {
            return new Reconciliation(null, null, null);
        }
    }

    /**
     * {@code admin.*}: the admin HTTP endpoint, off while {@code bind} has port 0.
     *
     * @param bind             {@code host:port}; port 0 (the default {@code 127.0.0.1:0}) keeps it off
     * @param token            the bearer token the mutating POSTs require; needed when the endpoint is on
     * @param allowNonLoopback bind to an address other machines can reach (false: loopback only)
     */
    public record Admin(String bind, Secret token, Boolean allowNonLoopback) {
        public Admin {
            bind = or(bind, "127.0.0.1:0");
            allowNonLoopback = or(allowNonLoopback, false);
            int colon = bind.lastIndexOf(':');
            if (colon <= 0 || !bind.substring(colon + 1).matches("\\d{1,5}")
                    || Integer.parseInt(bind.substring(colon + 1)) > 65535) {
                throw new ConfigException("admin.bind", "'" + bind + "' must be host:port, e.g. 127.0.0.1:8081");
            }
            if (port(bind) != 0 && (token == null || token.isEmpty())) {
                throw new ConfigException("admin.token", "the admin endpoint is on (admin.bind " + bind
                        + ") but has no token: set admin.token: ${HORIZON_ADMIN_TOKEN}");
            }
        }

        static Admin defaults() {
            return new Admin(null, null, null);
        }

        /** Whether the endpoint is on. */
        public boolean enabled() {
            return port(bind) != 0;
        }

        /** The host part of {@code bind}. */
        public String host() {
            return bind.substring(0, bind.lastIndexOf(':'));
        }

        /** The port part of {@code bind}. */
        public int port() {
            return port(bind);
        }

        private static int port(String bind) {
            return Integer.parseInt(bind.substring(bind.lastIndexOf(':') + 1));
        }
    }

    /**
     * {@code logging.*}: the log line format, {@code human} (default) or {@code json}; the CLI's
     * {@code --log-format} wins. (The level: {@code --debug}, or {@code -Dhorizon.log.level=WARN}.)
     */
    public record Logging(String format) {
        public Logging {
            format = or(format, "human").toLowerCase(Locale.ROOT);
            if (format.equals("text")) {
                format = "human";
            }
            if (!format.equals("human") && !format.equals("json")) {
                throw new ConfigException("logging.format", "'" + format + "' is not one of human, json");
            }
        }

        static Logging defaults() {
            return new Logging(null);
        }
    }
}
