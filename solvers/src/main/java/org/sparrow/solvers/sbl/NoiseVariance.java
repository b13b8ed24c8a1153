package org.sparrow.solvers.sbl;

/**
 * How the noise variance σ² of y = A·x + n, n ~ N(0, σ²I), is set for a sparse Bayesian learning solve.
 */
public sealed interface NoiseVariance {

    /**
     * A known noise variance, held fixed through the iterations.
     *
     * @param variance σ², finite and ≥ 0 (0 is allowed; the solvers then use a tiny floor, see
     *                 {@link Sbl}, so that the E-step stays defined)
     */
    record Known(double variance) implements NoiseVariance {
        /** Checks the variance. */
        public Known {
            if (!(variance >= 0) || Double.isInfinite(variance)) {
                throw new IllegalArgumentException("noise variance must be finite and ≥ 0, got " + variance);
            }
        }
    }

    /**
     * A noise variance derived from a signal-to-noise ratio, held fixed:
     * σ² = ‖y‖² / (M·(1 + 10^(dB/10))), i.e. the share of the measured power ‖y‖²/M that is noise
     * when SNR = ‖A·x‖²/(M·σ²) is {@code decibels}.
     *
     * @param decibels the SNR in dB, finite
     */
    record FromSnr(double decibels) implements NoiseVariance {
        /** Checks the SNR. */
        public FromSnr {
            if (!Double.isFinite(decibels)) {
                throw new IllegalArgumentException("SNR in dB must be finite, got " + decibels);
            }
        }

        /**
         * σ² for a measurement of squared norm {@code yNormSquared} and length {@code m}.
         *
         * @param yNormSquared ‖y‖²
         * @param m            the length of y
         * @return ‖y‖² / (M·(1 + 10^(dB/10)))
         */
        public double variance(double yNormSquared, int m) {
            return yNormSquared / (m * (1 + Math.pow(10, decibels / 10)));
        }
    }

    /** The noise variance is learned with the hyperparameters (the EM update of the unknown-noise variant). */
    record Estimated() implements NoiseVariance {
    }
}
