// The part of autocannon's API the fleet bench uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Options = {
      url: string;
      connections?: number;
      overallRate?: number;
      duration?: number;
      headers?: Record<string, string>;
    };
    type Histogram = { p50: number; p90: number; p99: number; max: number; average: number };
    type Result = {
      latency: Histogram;
      requests: { total: number; average: number };
      throughput: { average: number };
      non2xx: number;
      errors: number;
      timeouts: number;
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
