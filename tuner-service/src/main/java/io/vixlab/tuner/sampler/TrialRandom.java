package io.vixlab.tuner.sampler;

import java.util.SplittableRandom;

/**
 * The random stream of one trial, derived from the sampler's seed and the trial's number rather
 * than from a stream that advances with every call. Optuna's samplers hold one advancing generator;
 * deriving per trial keeps "same seed, same sequence" and also survives a service restart that
 * reloads the trials, which an in-process generator would not.
 */
public final class TrialRandom {

    private TrialRandom() {
    }

    /**
     * A seed of its own for each named search (e.g. each architecture of a study), so that searches
     * sharing a study seed draw unrelated sequences: every character is folded in through the mixer.
     */
    public static long derivedSeed(long seed, String name) {
        long z = mix64(seed);
        for (int i = 0; i < name.length(); i++) {
            z = mix64(z + name.charAt(i));
        }
        return z;
    }

    static SplittableRandom forTrial(long seed, int trialNumber) {
        return new SplittableRandom(mix64(mix64(seed) + trialNumber));
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer: neighbouring inputs give unrelated outputs. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
