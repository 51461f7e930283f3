package org.claimdesk.testing;

import java.util.Arrays;

/**
 * Fits a logistic regression by damped Newton steps: L2 penalty towards given prior weights, the
 * intercept unpenalised, and optionally each weight kept to a sign. Used by the benchmarks that fit
 * ClaimDesk's shipped weights (check-worthiness, claim matching). Small problems only: the Hessian
 * is dense.
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  /**
   * The intercept followed by one weight per feature.
   *
   * @param features one row per item
   * @param y 1 or 0 per item
   * @param prior the weights the penalty pulls towards (0 for none)
   * @param lambda the penalty: lambda / 2 · |w − prior|²
   * @param signs null, or per weight +1 (never below 0), −1 (never above 0) or 0 (free)
   */
  public static double[] fit(
      double[][] features, double[] y, double[] prior, double lambda, int[] signs) {
    int d = prior.length + 1;
    double[][] x = new double[features.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[d];
      x[i][0] = 1;
      System.arraycopy(features[i], 0, x[i], 1, features[i].length);
    }
    double[] w = new double[d];
    System.arraycopy(prior, 0, w, 1, prior.length);
    project(w, signs);
    double rate = Math.min(1 - 1e-6, Math.max(1e-6, Arrays.stream(y).average().orElse(0.5)));
    w[0] = Math.log(rate / (1 - rate));
    for (int iteration = 0; iteration < 200; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 0; i < x.length; i++) {
        double p = 1 / (1 + Math.exp(-dot(w, x[i])));
        double r = Math.max(p * (1 - p), 1e-12);
        for (int j = 0; j < d; j++) {
          gradient[j] += (p - y[i]) * x[i][j];
          for (int k = 0; k < d; k++) {
            hessian[j][k] += r * x[i][j] * x[i][k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        gradient[j] += lambda * (w[j] - prior[j - 1]);
        hessian[j][j] += lambda;
      }
      hessian[0][0] += 1e-9;
      double[] step = solve(hessian, gradient);
      // damped and projected: halve the step until the penalised loss goes down
      double before = loss(w, x, y, prior, lambda);
      double t = 1;
      double[] next = w;
      for (int halving = 0; halving < 40; halving++, t /= 2) {
        next = new double[d];
        for (int j = 0; j < d; j++) {
          next[j] = w[j] - t * step[j];
        }
        project(next, signs);
        if (loss(next, x, y, prior, lambda) <= before) {
          break;
        }
      }
      double largest = 0;
      for (int j = 0; j < d; j++) {
        largest = Math.max(largest, Math.abs(next[j] - w[j]));
      }
      w = next;
      if (largest < 1e-9) {
        break;
      }
    }
    return w;
  }

  /** The probability of the weights (intercept first) for one row of features. */
  public static double probability(double[] w, double[] features) {
    double z = w[0];
    for (int j = 0; j < features.length; j++) {
      z += w[j + 1] * features[j];
    }
    return 1 / (1 + Math.exp(-z));
  }

  private static void project(double[] w, int[] signs) {
    if (signs == null) {
      return;
    }
    for (int j = 1; j < w.length; j++) {
      if (w[j] * signs[j - 1] < 0) {
        w[j] = 0;
      }
    }
  }

  private static double dot(double[] w, double[] x) {
    double z = 0;
    for (int j = 0; j < w.length; j++) {
      z += w[j] * x[j];
    }
    return z;
  }

  private static double loss(double[] w, double[][] x, double[] y, double[] prior, double lambda) {
    double loss = 0;
    for (int i = 0; i < x.length; i++) {
      double z = dot(w, x[i]);
      // log(1 + e^z) - y z, computed without overflow
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
    }
    for (int j = 1; j < w.length; j++) {
      loss += lambda / 2 * (w[j] - prior[j - 1]) * (w[j] - prior[j - 1]);
    }
    return loss;
  }

  /** Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] v = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] row = m[c];
      m[c] = m[pivot];
      m[pivot] = row;
      double t = v[c];
      v[c] = v[pivot];
      v[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double factor = m[r][c] / m[c][c];
        for (int k = c; k < n; k++) {
          m[r][k] -= factor * m[c][k];
        }
        v[r] -= factor * v[c];
      }
    }
    double[] solution = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = v[r];
      for (int k = r + 1; k < n; k++) {
        sum -= m[r][k] * solution[k];
      }
      solution[r] = sum / m[r][r];
    }
    return solution;
  }
}
