package io.vixlab.tuner.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The distinct kernels of a mixture. */
interface Kernels {

    /** A draw from kernel {@code kernel}, by inversion of the uniform draw {@code uniform}. */
    double sample(int kernel, double uniform);

    /** log of every kernel's density at {@code value}. */
    double[] logDensities(double value);

    /**
     * The distinct kernels of a mixture and their weights.
     *
     * @param kernelOf for each kernel the mixture was built from (observations, then the prior), the
     *                 index of its distinct kernel: a joint estimator pairs them up across parameters
     */
    record Mixture(double[] weights, Kernels kernels, int[] kernelOf) {
    }

    /**
     * Which kernels are identical. Each distinct kernel is kept once with the summed weight of its
     * copies, which leaves the mixture unchanged; on an int grid 1,000 observations make only a
     * handful of distinct kernels, and evaluating a handful is what keeps ask fast.
     */
    record IdenticalKernels(int[] representatives, int[] groupOf) {

        static IdenticalKernels find(int count, IntFunction<Object> identity) {
            Map<Object, Integer> groups = new HashMap<>();
            List<Integer> representatives = new ArrayList<>();
            int[] groupOf = new int[count];
            for (int k = 0; k < count; k++) {
                int kernel = k;
                groupOf[k] = groups.computeIfAbsent(identity.apply(k), key -> {
                    representatives.add(kernel);
                    return representatives.size() - 1;
                });
            }
            return new IdenticalKernels(representatives.stream().mapToInt(Integer::intValue).toArray(), groupOf);
        }

        double[] mergedWeights(double[] weights) {
            double[] merged = new double[representatives.length];
            for (int k = 0; k < weights.length; k++) {
                merged[groupOf[k]] += weights[k];
            }
            return merged;
        }

        double[] pick(double[] perKernel) {
            return Arrays.stream(representatives).mapToDouble(k -> perKernel[k]).toArray();
        }
    }
}
