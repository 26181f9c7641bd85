#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8608:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BulkheadPolicy = void 0;
const abort_1 = __nccwpck_require__(808);
const defer_1 = __nccwpck_require__(1554);
const Event_1 = __nccwpck_require__(9158);
const Executor_1 = __nccwpck_require__(437);
const BulkheadRejectedError_1 = __nccwpck_require__(7678);
const Errors_1 = __nccwpck_require__(3209);
class BulkheadPolicy {
    /**
     * Returns the number of available execution slots at this point in time.
     */
    get executionSlots() {
        return this.capacity - this.active;
    }
    /**
     * Returns the number of queue slots at this point in time.
     */
    get queueSlots() {
        return this.queueCapacity - this.queue.length;
    }
    /**
     * Bulkhead limits concurrent requests made.
     */
    constructor(capacity, queueCapacity) {
        this.capacity = capacity;
        this.queueCapacity = queueCapacity;
        this.active = 0;
        this.queue = [];
        this.onRejectEmitter = new Event_1.EventEmitter();
        this.executor = new Executor_1.ExecuteWrapper();
        /**
         * @inheritdoc
         */
        this.onSuccess = this.executor.onSuccess;
        /**
         * @inheritdoc
         */
        this.onFailure = this.executor.onFailure;
        /**
         * Emitter that fires when an item is rejected from the bulkhead.
         */
        this.onReject = this.onRejectEmitter.addListener;
    }
    /**
     * Executes the given function.
     * @param fn Function to execute
     * @throws a {@link BulkheadRejectedException} if the bulkhead limits are exceeeded
     */
    async execute(fn, signal = abort_1.neverAbortedSignal) {
        if (signal.aborted) {
            throw new Errors_1.TaskCancelledError();
        }
        if (this.active < this.capacity) {
            this.active++;
            try {
                return await fn({ signal });
            }
            finally {
                this.active--;
                this.dequeue();
            }
        }
        if (this.queue.length < this.queueCapacity) {
            const { resolve, reject, promise } = (0, defer_1.defer)();
            this.queue.push({ signal, fn, resolve, reject });
            return promise;
        }
        this.onRejectEmitter.emit();
        throw new BulkheadRejectedError_1.BulkheadRejectedError(this.capacity, this.queueCapacity);
    }
    dequeue() {
        const item = this.queue.shift();
        if (!item) {
            return;
        }
        Promise.resolve()
            .then(() => this.execute(item.fn, item.signal))
            .then(item.resolve)
            .catch(item.reject);
    }
}
exports.BulkheadPolicy = BulkheadPolicy;
//# sourceMappingURL=BulkheadPolicy.js.map

/***/ }),

/***/ 3259:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CircuitBreakerPolicy = exports.CircuitState = void 0;
const Backoff_1 = __nccwpck_require__(5377);
const abort_1 = __nccwpck_require__(808);
const Event_1 = __nccwpck_require__(9158);
const Executor_1 = __nccwpck_require__(437);
const Errors_1 = __nccwpck_require__(3209);
const IsolatedCircuitError_1 = __nccwpck_require__(4594);
var CircuitState;
(function (CircuitState) {
    /**
     * Normal operation. Execution of actions allowed.
     */
    CircuitState[CircuitState["Closed"] = 0] = "Closed";
    /**
     * The automated controller has opened the circuit. Execution of actions blocked.
     */
    CircuitState[CircuitState["Open"] = 1] = "Open";
    /**
     * Recovering from open state, after the automated break duration has
     * expired. Execution of actions permitted. Success of subsequent action/s
     * controls onward transition to Open or Closed state.
     */
    CircuitState[CircuitState["HalfOpen"] = 2] = "HalfOpen";
    /**
     * Circuit held manually in an open state. Execution of actions blocked.
     */
    CircuitState[CircuitState["Isolated"] = 3] = "Isolated";
})(CircuitState || (exports.CircuitState = CircuitState = {}));
class CircuitBreakerPolicy {
    /**
     * Gets the current circuit breaker state.
     */
    get state() {
        return this.innerState.value;
    }
    /**
     * Gets the last reason the circuit breaker failed.
     */
    get lastFailure() {
        return this.innerLastFailure;
    }
    constructor(options, executor) {
        this.options = options;
        this.executor = executor;
        this.breakEmitter = new Event_1.EventEmitter();
        this.resetEmitter = new Event_1.EventEmitter();
        this.halfOpenEmitter = new Event_1.EventEmitter();
        this.stateChangeEmitter = new Event_1.EventEmitter();
        this.innerState = { value: CircuitState.Closed };
        /**
         * Event emitted when the circuit breaker opens.
         */
        this.onBreak = this.breakEmitter.addListener;
        /**
         * Event emitted when the circuit breaker resets.
         */
        this.onReset = this.resetEmitter.addListener;
        /**
         * Event emitted when the circuit breaker is half open (running a test call).
         * Either `onBreak` on `onReset` will subsequently fire.
         */
        this.onHalfOpen = this.halfOpenEmitter.addListener;
        /**
         * Fired whenever the circuit breaker state changes.
         */
        this.onStateChange = this.stateChangeEmitter.addListener;
        /**
         * @inheritdoc
         */
        this.onSuccess = this.executor.onSuccess;
        /**
         * @inheritdoc
         */
        this.onFailure = this.executor.onFailure;
        this.halfOpenAfterBackoffFactory =
            typeof options.halfOpenAfter === 'number'
                ? new Backoff_1.ConstantBackoff(options.halfOpenAfter)
                : options.halfOpenAfter;
        if (options.initialState) {
            const initialState = options.initialState;
            this.innerState = initialState.ownState;
            this.options.breaker.state = initialState.breakerState;
            if (this.innerState.value === CircuitState.Open ||
                this.innerState.value === CircuitState.HalfOpen) {
                this.innerLastFailure = { error: new Errors_1.HydratingCircuitError() };
                let backoff = this.halfOpenAfterBackoffFactory.next({
                    attempt: 1,
                    result: this.innerLastFailure,
                    signal: abort_1.neverAbortedSignal,
                });
                for (let i = 2; i <= this.innerState.attemptNo; i++) {
                    backoff = backoff.next({
                        attempt: i,
                        result: this.innerLastFailure,
                        signal: abort_1.neverAbortedSignal,
                    });
                }
                this.innerState.backoff = backoff;
            }
        }
    }
    /**
     * Manually holds open the circuit breaker.
     * @returns A handle that keeps the breaker open until `.dispose()` is called.
     */
    isolate() {
        if (this.innerState.value !== CircuitState.Isolated) {
            this.innerState = { value: CircuitState.Isolated, counters: 0 };
            this.breakEmitter.emit({ isolated: true });
            this.stateChangeEmitter.emit(CircuitState.Isolated);
        }
        this.innerState.counters++;
        let disposed = false;
        return {
            dispose: () => {
                if (disposed) {
                    return;
                }
                disposed = true;
                if (this.innerState.value === CircuitState.Isolated && !--this.innerState.counters) {
                    this.innerState = { value: CircuitState.Closed };
                    this.resetEmitter.emit();
                    this.stateChangeEmitter.emit(CircuitState.Closed);
                }
            },
        };
    }
    /**
     * Executes the given function.
     * @param fn Function to run
     * @throws a {@link BrokenCircuitError} if the circuit is open
     * @throws a {@link IsolatedCircuitError} if the circuit is held
     * open via {@link CircuitBreakerPolicy.isolate}
     * @returns a Promise that resolves or rejects with the function results.
     */
    async execute(fn, signal = abort_1.neverAbortedSignal) {
        const state = this.innerState;
        switch (state.value) {
            case CircuitState.Closed:
                const result = await this.executor.invoke(fn, { signal });
                if ('success' in result) {
                    this.options.breaker.success(state.value);
                }
                else {
                    this.innerLastFailure = result;
                    if (this.options.breaker.failure(state.value)) {
                        this.open(result, signal);
                    }
                }
                return (0, Executor_1.returnOrThrow)(result);
            case CircuitState.HalfOpen:
                await state.test.catch(() => undefined);
                if (this.state === CircuitState.Closed && signal.aborted) {
                    throw new Errors_1.TaskCancelledError();
                }
                return this.execute(fn);
            case CircuitState.Open:
                if (Date.now() - state.openedAt < state.backoff.duration) {
                    throw new Errors_1.BrokenCircuitError();
                }
                const test = this.halfOpen(fn, signal);
                this.innerState = {
                    value: CircuitState.HalfOpen,
                    test,
                    backoff: state.backoff,
                    attemptNo: state.attemptNo + 1,
                };
                this.stateChangeEmitter.emit(CircuitState.HalfOpen);
                return test;
            case CircuitState.Isolated:
                throw new IsolatedCircuitError_1.IsolatedCircuitError();
            default:
                throw new Error(`Unexpected circuit state ${state}`);
        }
    }
    /**
     * Captures circuit breaker state that can later be used to recreate the
     * breaker by passing `state` to the `circuitBreaker` function. This is
     * useful in cases like serverless functions where you may want to keep
     * the breaker state across multiple executions.
     */
    toJSON() {
        const state = this.innerState;
        let ownState;
        if (state.value === CircuitState.HalfOpen) {
            ownState = {
                value: CircuitState.Open,
                openedAt: 0,
                attemptNo: state.attemptNo,
            };
        }
        else if (state.value === CircuitState.Open) {
            ownState = {
                value: CircuitState.Open,
                openedAt: state.openedAt,
                attemptNo: state.attemptNo,
            };
        }
        else {
            ownState = state;
        }
        return { ownState, breakerState: this.options.breaker.state };
    }
    async halfOpen(fn, signal) {
        this.halfOpenEmitter.emit();
        try {
            const result = await this.executor.invoke(fn, { signal });
            if ('success' in result) {
                this.options.breaker.success(CircuitState.HalfOpen);
                this.close();
            }
            else {
                this.innerLastFailure = result;
                this.options.breaker.failure(CircuitState.HalfOpen);
                this.open(result, signal);
            }
            return (0, Executor_1.returnOrThrow)(result);
        }
        catch (err) {
            // It's an error, but not one the circuit is meant to retry, so
            // for our purposes it's a success. Task failed successfully!
            this.close();
            throw err;
        }
    }
    open(reason, signal) {
        if (this.state === CircuitState.Isolated || this.state === CircuitState.Open) {
            return;
        }
        const attemptNo = this.innerState.value === CircuitState.HalfOpen ? this.innerState.attemptNo : 1;
        const context = { attempt: attemptNo, result: reason, signal };
        const backoff = this.innerState.value === CircuitState.HalfOpen
            ? this.innerState.backoff.next(context)
            : this.halfOpenAfterBackoffFactory.next(context);
        this.innerState = { value: CircuitState.Open, openedAt: Date.now(), backoff, attemptNo };
        this.breakEmitter.emit(reason);
        this.stateChangeEmitter.emit(CircuitState.Open);
    }
    close() {
        if (this.state === CircuitState.HalfOpen) {
            this.innerState = { value: CircuitState.Closed };
            this.resetEmitter.emit();
            this.stateChangeEmitter.emit(CircuitState.Closed);
        }
    }
}
exports.CircuitBreakerPolicy = CircuitBreakerPolicy;
//# sourceMappingURL=CircuitBreakerPolicy.js.map

/***/ }),

/***/ 9448:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FallbackPolicy = void 0;
const abort_1 = __nccwpck_require__(808);
class FallbackPolicy {
    constructor(executor, value) {
        this.executor = executor;
        this.value = value;
        /**
         * @inheritdoc
         */
        this.onSuccess = this.executor.onSuccess;
        /**
         * @inheritdoc
         */
        this.onFailure = this.executor.onFailure;
    }
    /**
     * Executes the given function.
     * @param fn Function to execute.
     * @returns The function result or fallback value.
     */
    async execute(fn, signal = abort_1.neverAbortedSignal) {
        const result = await this.executor.invoke(fn, { signal });
        if ('success' in result) {
            return result.success;
        }
        return this.value();
    }
}
exports.FallbackPolicy = FallbackPolicy;
//# sourceMappingURL=FallbackPolicy.js.map

/***/ }),

/***/ 3114:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoopPolicy = void 0;
const abort_1 = __nccwpck_require__(808);
const Executor_1 = __nccwpck_require__(437);
/**
 * A no-op policy, useful for unit tests and stubs.
 */
class NoopPolicy {
    constructor() {
        this.executor = new Executor_1.ExecuteWrapper();
        this.onSuccess = this.executor.onSuccess;
        this.onFailure = this.executor.onFailure;
    }
    async execute(fn, signal = abort_1.neverAbortedSignal) {
        return (0, Executor_1.returnOrThrow)(await this.executor.invoke(fn, { signal }));
    }
}
exports.NoopPolicy = NoopPolicy;
//# sourceMappingURL=NoopPolicy.js.map

/***/ }),

/***/ 4830:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.handleAll = exports.noop = exports.Policy = void 0;
exports.handleType = handleType;
exports.handleWhen = handleWhen;
exports.handleResultType = handleResultType;
exports.handleWhenResult = handleWhenResult;
exports.bulkhead = bulkhead;
exports.usePolicy = usePolicy;
exports.timeout = timeout;
exports.wrap = wrap;
exports.retry = retry;
exports.circuitBreaker = circuitBreaker;
exports.fallback = fallback;
const Backoff_1 = __nccwpck_require__(5377);
const BulkheadPolicy_1 = __nccwpck_require__(8608);
const CircuitBreakerPolicy_1 = __nccwpck_require__(3259);
const Executor_1 = __nccwpck_require__(437);
const FallbackPolicy_1 = __nccwpck_require__(9448);
const NoopPolicy_1 = __nccwpck_require__(3114);
const RetryPolicy_1 = __nccwpck_require__(3518);
const TimeoutPolicy_1 = __nccwpck_require__(8415);
const typeFilter = (cls, predicate) => predicate ? (v) => v instanceof cls && predicate(v) : (v) => v instanceof cls;
const always = () => true;
const never = () => false;
class Policy {
    /**
     * Factory that builds a base set of filters that can be used in circuit
     * breakers, retries, etc.
     */
    constructor(options) {
        this.options = options;
    }
    /**
     * Allows the policy to additionally handles errors of the given type.
     *
     * @param cls Class constructor to check that the error is an instance of.
     * @param predicate If provided, a function to be called with the error
     * which should return "true" if we want to handle this error.
     * @example
     * ```js
     * // retry both network errors and response errors with a 503 status code
     * new Policy()
     *  .orType(NetworkError)
     *  .orType(ResponseError, err => err.statusCode === 503)
     *  .retry()
     *  .attempts(3)
     *  .execute(() => getJsonFrom('https://example.com'));
     * ```
     */
    orType(cls, predicate) {
        const filter = typeFilter(cls, predicate);
        return new Policy({
            ...this.options,
            errorFilter: e => this.options.errorFilter(e) || filter(e),
        });
    }
    /**
     * Allows the policy to additionally handles errors that pass the given
     * predicate function.
     *
     * @param predicate Takes any thrown error, and returns true if it should
     * be retried by this policy.
     * @example
     * ```js
     * // only retry if the error has a "shouldBeRetried" property set
     * new Policy()
     *  .orWhen(err => err.shouldBeRetried === true)
     *  .retry()
     *  .attempts(3)
     *  .execute(() => getJsonFrom('https://example.com'));
     * ```
     */
    orWhen(predicate) {
        return new Policy({
            ...this.options,
            errorFilter: e => this.options.errorFilter(e) || predicate(e),
        });
    }
    /**
     * Adds handling for return values. The predicate will be called with
     * the return value of the executed function,
     *
     * @param predicate Takes the returned value, and returns true if it
     * should be retried by this policy.
     * @example
     * ```js
     * // retry when the response status code is a 5xx
     * new Policy()
     *  .orResultWhen(res => res.statusCode >= 500)
     *  .retry()
     *  .attempts(3)
     *  .execute(() => getJsonFrom('https://example.com'));
     * ```
     */
    orWhenResult(predicate) {
        return new Policy({
            ...this.options,
            resultFilter: r => this.options.resultFilter(r) || predicate(r),
        });
    }
    /**
     * Adds handling for return values. The predicate will be called with
     * the return value of the executed function,
     *
     * @param predicate Takes the returned value, and returns true if it
     * should be retried by this policy.
     * @example
     * ```js
     * // retry when the response status code is a 5xx
     * new Policy()
     *  .orResultType(res => res.statusCode >= 500)
     *  .retry()
     *  .attempts(3)
     *  .execute(() => getJsonFrom('https://example.com'));
     * ```
     */
    orResultType(cls, predicate) {
        const filter = typeFilter(cls, predicate);
        return new Policy({
            ...this.options,
            resultFilter: r => this.options.resultFilter(r) || filter(r),
        });
    }
}
exports.Policy = Policy;
exports.noop = new NoopPolicy_1.NoopPolicy();
/**
 * A policy that handles all errors.
 */
exports.handleAll = new Policy({ errorFilter: always, resultFilter: never });
/**
 * See {@link Policy.orType} for usage.
 */
function handleType(cls, predicate) {
    return new Policy({ errorFilter: typeFilter(cls, predicate), resultFilter: never });
}
/**
 * See {@link Policy.orWhen} for usage.
 */
function handleWhen(predicate) {
    return new Policy({ errorFilter: predicate, resultFilter: never });
}
/**
 * See {@link Policy.orResultType} for usage.
 */
function handleResultType(cls, predicate) {
    return new Policy({ errorFilter: never, resultFilter: typeFilter(cls, predicate) });
}
/**
 * See {@link Policy.orWhenResult} for usage.
 */
function handleWhenResult(predicate) {
    return new Policy({ errorFilter: never, resultFilter: predicate });
}
/**
 * Creates a bulkhead--a policy that limits the number of concurrent calls.
 */
function bulkhead(limit, queue = 0) {
    return new BulkheadPolicy_1.BulkheadPolicy(limit, queue);
}
/**
 * A decorator that can be used to wrap class methods and apply the given
 * policy to them. It also adds the last argument normally given in
 * {@link Policy.execute} as the last argument in the function call.
 * For example:
 *
 * ```ts
 * import { usePolicy, retry, handleAll } from 'cockatiel';
 *
 * const retry = retry(handleAll, { maxAttempts: 3 });
 *
 * class Database {
 *   @usePolicy(retry)
 *   public getUserInfo(userId, context, cancellationToken) {
 *     console.log('Retry attempt number', context.attempt);
 *     // implementation here
 *   }
 * }
 *
 * const db = new Database();
 * db.getUserInfo(3).then(info => console.log('User 3 info:', info))
 * ```
 *
 * Note that it will force the return type to be a Promise, since that's
 * what policies return.
 */
function usePolicy(policy) {
    return (_target, _key, descriptor) => {
        const inner = descriptor.value;
        if (typeof inner !== 'function') {
            throw new Error(`Can only decorate functions with @cockatiel, got ${typeof inner}`);
        }
        descriptor.value = function (...args) {
            const signal = args[args.length - 1] instanceof AbortSignal ? args.pop() : undefined;
            return policy.execute(context => inner.apply(this, [...args, context]), signal);
        };
    };
}
/**
 * Creates a timeout policy.
 * @param duration - How long to wait before timing out execute()'d functions
 * @param strategy - Strategy for timeouts, "Cooperative" or "Aggressive".
 * A {@link CancellationToken} will be pass to any executed function, and in
 * cooperative timeouts we'll simply wait for that function to return or
 * throw. In aggressive timeouts, we'll immediately throw a
 * {@link TaskCancelledError} when the timeout is reached, in addition to
 * marking the passed token as failed.
 */
function timeout(duration, strategyOrOpts) {
    return new TimeoutPolicy_1.TimeoutPolicy(duration, typeof strategyOrOpts === 'string' ? { strategy: strategyOrOpts } : strategyOrOpts);
}
function wrap(...p) {
    return {
        _altReturn: undefined,
        onFailure: p[0].onFailure,
        onSuccess: p[0].onSuccess,
        wrapped: p,
        execute(fn, signal) {
            const run = (context, i) => i === p.length
                ? fn(context)
                : p[i].execute(next => run({ ...context, ...next }, i + 1), context.signal);
            return Promise.resolve(run({ signal }, 0));
        },
    };
}
/**
 * Creates a retry policy. The options should contain the backoff strategy to
 * use. Included strategies are:
 *  - {@link ConstantBackoff}
 *  - {@link ExponentialBackoff}
 *  - {@link IterableBackoff}
 *  - {@link DelegateBackoff} (advanced)
 *
 * For example:
 *
 * ```
 * import { handleAll, retry } from 'cockatiel';
 *
 * const policy = retry(handleAll, { backoff: new ExponentialBackoff() });
 * ```
 *
 * You can optionally pass in the `attempts` to limit the maximum number of
 * retry attempts per call.
 */
function retry(policy, opts) {
    return new RetryPolicy_1.RetryPolicy({ backoff: opts.backoff || new Backoff_1.ConstantBackoff(0), maxAttempts: opts.maxAttempts ?? Infinity }, new Executor_1.ExecuteWrapper(policy.options.errorFilter, policy.options.resultFilter));
}
/**
 * Returns a circuit breaker for the policy. **Important**: you should share
 * your circuit breaker between executions of whatever function you're
 * wrapping for it to function!
 *
 * ```ts
 * import { SamplingBreaker, Policy } from 'cockatiel';
 *
 * // Break if more than 20% of requests fail in a 30 second time window:
 * const breaker = Policy
 *  .handleAll()
 *  .circuitBreaker(10_000, new SamplingBreaker(0.2, 30 * 1000));
 *
 * export function handleRequest() {
 *   return breaker.execute(() => getInfoFromDatabase());
 * }
 * ```
 *
 * @param halfOpenAfter Time after failures to try to open the circuit
 * breaker again.
 * @param breaker The circuit breaker to use. This package exports
 * ConsecutiveBreaker and SamplingBreakers for you to use.
 */
function circuitBreaker(policy, opts) {
    return new CircuitBreakerPolicy_1.CircuitBreakerPolicy(opts, new Executor_1.ExecuteWrapper(policy.options.errorFilter, policy.options.resultFilter));
}
/**
 * Falls back to the given value in the event of an error.
 *
 * ```ts
 * import { Policy } from 'cockatiel';
 *
 * const fallback = Policy
 *  .handleType(DatabaseError)
 *  .fallback(() => getStaleData());
 *
 * export function handleRequest() {
 *   return fallback.execute(() => getInfoFromDatabase());
 * }
 * ```
 *
 * @param toValue Value to fall back to, or a function that creates the
 * value to return (any may return a promise)
 */
function fallback(policy, valueOrFactory) {
    return new FallbackPolicy_1.FallbackPolicy(new Executor_1.ExecuteWrapper(policy.options.errorFilter, policy.options.resultFilter), 
    // not technically type-safe, since if they actually want to _return_
    // a function, that gets lost here. We'll just advice in the docs to
    // use a higher-order function if necessary.
    (typeof valueOrFactory === 'function' ? valueOrFactory : () => valueOrFactory));
}
//# sourceMappingURL=Policy.js.map

/***/ }),

/***/ 3518:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.RetryPolicy = void 0;
const ConstantBackoff_1 = __nccwpck_require__(1465);
const abort_1 = __nccwpck_require__(808);
const Event_1 = __nccwpck_require__(9158);
const delay = (duration, unref) => new Promise(resolve => {
    const timer = setTimeout(resolve, duration);
    if (unref) {
        timer.unref();
    }
});
class RetryPolicy {
    constructor(options, executor) {
        this.options = options;
        this.executor = executor;
        this.onGiveUpEmitter = new Event_1.EventEmitter();
        this.onRetryEmitter = new Event_1.EventEmitter();
        /**
         * @inheritdoc
         */
        this.onSuccess = this.executor.onSuccess;
        /**
         * @inheritdoc
         */
        this.onFailure = this.executor.onFailure;
        /**
         * Emitter that fires when we retry a call, before any backoff.
         *
         */
        this.onRetry = this.onRetryEmitter.addListener;
        /**
         * Emitter that fires when we're no longer retrying a call and are giving up.
         */
        this.onGiveUp = this.onGiveUpEmitter.addListener;
    }
    /**
     * When retrying, a referenced timer is created. This means the Node.js event
     * loop is kept active while we're delaying a retried call. Calling this
     * method on the retry builder will unreference the timer, allowing the
     * process to exit even if a retry might still be pending.
     */
    dangerouslyUnref() {
        return new RetryPolicy({ ...this.options, unref: true }, this.executor.clone());
    }
    /**
     * Executes the given function with retries.
     * @param fn Function to run
     * @returns a Promise that resolves or rejects with the function results.
     */
    async execute(fn, signal = abort_1.neverAbortedSignal) {
        const factory = this.options.backoff || new ConstantBackoff_1.ConstantBackoff(0);
        let backoff;
        for (let retries = 0;; retries++) {
            const result = await this.executor.invoke(fn, { attempt: retries, signal });
            if ('success' in result) {
                return result.success;
            }
            if (!signal.aborted && retries < this.options.maxAttempts) {
                const context = { attempt: retries + 1, signal, result };
                backoff = backoff ? backoff.next(context) : factory.next(context);
                const delayDuration = backoff.duration;
                const delayPromise = delay(delayDuration, !!this.options.unref);
                // A little sneaky reordering here lets us use Sinon's fake timers
                // when we get an emission in our tests.
                this.onRetryEmitter.emit({ ...result, delay: delayDuration, attempt: retries + 1 });
                await delayPromise;
                continue;
            }
            this.onGiveUpEmitter.emit(result);
            if ('error' in result) {
                throw result.error;
            }
            return result.value;
        }
    }
}
exports.RetryPolicy = RetryPolicy;
//# sourceMappingURL=RetryPolicy.js.map

/***/ }),

/***/ 8415:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TimeoutPolicy = exports.TimeoutStrategy = void 0;
const abort_1 = __nccwpck_require__(808);
const Event_1 = __nccwpck_require__(9158);
const Executor_1 = __nccwpck_require__(437);
const TaskCancelledError_1 = __nccwpck_require__(6548);
var TimeoutStrategy;
(function (TimeoutStrategy) {
    /**
     * Cooperative timeouts will simply revoke the inner cancellation token,
     * assuming the caller handles cancellation and throws or returns appropriately.
     */
    TimeoutStrategy["Cooperative"] = "optimistic";
    /**
     * Aggressive cancellation immediately throws
     */
    TimeoutStrategy["Aggressive"] = "aggressive";
})(TimeoutStrategy || (exports.TimeoutStrategy = TimeoutStrategy = {}));
class TimeoutPolicy {
    constructor(duration, options, executor = new Executor_1.ExecuteWrapper(), unref = false) {
        this.duration = duration;
        this.options = options;
        this.executor = executor;
        this.unref = unref;
        this.timeoutEmitter = new Event_1.EventEmitter();
        /**
         * @inheritdoc
         */
        this.onTimeout = this.timeoutEmitter.addListener;
        /**
         * @inheritdoc
         */
        this.onFailure = this.executor.onFailure;
        /**
         * @inheritdoc
         */
        this.onSuccess = this.executor.onSuccess;
    }
    /**
     * When timing out, a referenced timer is created. This means the Node.js
     * event loop is kept active while we're waiting for the timeout, as long as
     * the function hasn't returned. Calling this method on the timeout builder
     * will unreference the timer, allowing the process to exit even if a
     * timeout might still be happening.
     */
    dangerouslyUnref() {
        const t = new TimeoutPolicy(this.duration, this.options, this.executor, true);
        return t;
    }
    /**
     * Executes the given function.
     * @param fn Function to execute. Takes in a nested cancellation token.
     * @throws a {@link TaskCancelledError} if a timeout occurs
     */
    async execute(fn, signal) {
        const { ctrl: aborter, dispose: disposeAbort } = (0, abort_1.deriveAbortController)(signal);
        const timer = setTimeout(() => aborter.abort(), this.duration);
        if (this.unref) {
            timer.unref();
        }
        const context = { signal: aborter.signal };
        const onceAborted = (0, Event_1.onAbort)(aborter.signal);
        const onCancelledListener = onceAborted.event(() => this.timeoutEmitter.emit());
        try {
            if (this.options.strategy === TimeoutStrategy.Cooperative) {
                return (0, Executor_1.returnOrThrow)(await this.executor.invoke(fn, context, aborter.signal));
            }
            return await this.executor
                .invoke(async () => Promise.race([
                Promise.resolve(fn(context, aborter.signal)),
                Event_1.Event.toPromise(onceAborted.event).then(() => {
                    throw new TaskCancelledError_1.TaskCancelledError(`Operation timed out after ${this.duration}ms`);
                }),
            ]))
                .then(Executor_1.returnOrThrow);
        }
        finally {
            onCancelledListener.dispose();
            onceAborted.dispose();
            if (this.options.abortOnReturn !== false) {
                aborter.abort();
            }
            clearTimeout(timer);
            disposeAbort();
        }
    }
}
exports.TimeoutPolicy = TimeoutPolicy;
//# sourceMappingURL=TimeoutPolicy.js.map

/***/ }),

/***/ 5377:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
__exportStar(__nccwpck_require__(1465), exports);
__exportStar(__nccwpck_require__(2612), exports);
__exportStar(__nccwpck_require__(4840), exports);
__exportStar(__nccwpck_require__(170), exports);
__exportStar(__nccwpck_require__(2347), exports);
//# sourceMappingURL=Backoff.js.map

/***/ }),

/***/ 1465:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConstantBackoff = void 0;
class ConstantBackoff {
    /**
     * Backoff that returns a constant interval.
     */
    constructor(interval) {
        this.interval = interval;
    }
    /**
     * @inheritdoc
     */
    next() {
        return instance(this.interval);
    }
}
exports.ConstantBackoff = ConstantBackoff;
const instance = (interval) => ({
    duration: interval,
    next() {
        return this;
    },
});
//# sourceMappingURL=ConstantBackoff.js.map

/***/ }),

/***/ 2612:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DelegateBackoff = void 0;
class DelegateBackoff {
    /**
     * Backoff that delegates to a user-provided function. The function takes
     * the backoff context, and can optionally take (and return) a state value
     * that will be passed into subsequent backoff requests.
     */
    constructor(fn) {
        this.fn = fn;
    }
    /**
     * @inheritdoc
     */
    next(context) {
        return instance(this.fn).next(context);
    }
}
exports.DelegateBackoff = DelegateBackoff;
const instance = (fn, state, current = 0) => ({
    duration: current,
    next(context) {
        const result = fn(context, state);
        return typeof result === 'number'
            ? instance(fn, state, result)
            : instance(fn, result.state, result.delay);
    },
});
//# sourceMappingURL=DelegateBackoff.js.map

/***/ }),

/***/ 4840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ExponentialBackoff = void 0;
const ExponentialBackoffGenerators_1 = __nccwpck_require__(170);
const defaultOptions = {
    generator: ExponentialBackoffGenerators_1.decorrelatedJitterGenerator,
    maxDelay: 30000,
    exponent: 2,
    initialDelay: 128,
};
class ExponentialBackoff {
    /**
     * An implementation of exponential backoff.
     */
    constructor(options) {
        this.options = options ? { ...defaultOptions, ...options } : defaultOptions;
    }
    next() {
        return instance(this.options).next(undefined);
    }
}
exports.ExponentialBackoff = ExponentialBackoff;
/**
 * An implementation of exponential backoff.
 */
const instance = (options, state, delay = 0, attempt = -1) => ({
    duration: delay,
    next() {
        const [nextDelay, nextState] = options.generator(state, options);
        return instance(options, nextState, nextDelay, attempt + 1);
    },
});
//# sourceMappingURL=ExponentialBackoff.js.map

/***/ }),

/***/ 170:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.decorrelatedJitterGenerator = exports.halfJitterGenerator = exports.fullJitterGenerator = exports.noJitterGenerator = void 0;
/**
 * Generator that creates a backoff with no jitter.
 */
const noJitterGenerator = (attempts = 0, options) => [
    Math.min(options.maxDelay, options.initialDelay * 2 ** attempts),
    attempts + 1,
];
exports.noJitterGenerator = noJitterGenerator;
/**
 * Generator that randomizes an exponential backoff between [0, delay).
 */
const fullJitterGenerator = (state, options) => {
    const [delay, next] = (0, exports.noJitterGenerator)(state, options);
    return [Math.floor(Math.random() * delay), next];
};
exports.fullJitterGenerator = fullJitterGenerator;
/**
 * Generator that randomizes an exponential backoff between [0, delay).
 */
const halfJitterGenerator = (attempts, options) => {
    const [delay, next] = (0, exports.noJitterGenerator)(attempts, options);
    return [Math.floor((delay + Math.random() * delay) / 2), next];
};
exports.halfJitterGenerator = halfJitterGenerator;
/**
 * A factor used within the formula to help smooth the first calculated delay.
 */
const pFactor = 4.0;
/**
 *  A factor used to scale the median values of the retry times generated by
 * the formula to be _near_ whole seconds, to aid user comprehension. This
 * factor allows the median values to fall approximately at 1, 2, 4 etc
 * seconds, instead of 1.4, 2.8, 5.6, 11.2.
 */
const rpScalingFactor = 1 / 1.4;
/**
 * Decorrelated jitter. This should be considered the optimal Jitter stategy
 * for most scenarios, as battle-tested in Polly.
 *
 * @see https://github.com/App-vNext/Polly/issues/530
 * @see https://github.com/Polly-Contrib/Polly.Contrib.WaitAndRetry/blob/24cb116a2a320e82b01f57e13bfeaeff2725ccbf/src/Polly.Contrib.WaitAndRetry/Backoff.DecorrelatedJitterV2.cs
 */
const decorrelatedJitterGenerator = (state, options) => {
    const [attempt, prev] = state || [0, 0];
    const t = attempt + Math.random();
    const next = Math.pow(options.exponent, t) * Math.tanh(Math.sqrt(pFactor * t));
    const formulaIntrinsicValue = isFinite(next) ? Math.max(0, next - prev) : Infinity;
    return [
        Math.min(formulaIntrinsicValue * rpScalingFactor * options.initialDelay, options.maxDelay),
        [attempt + 1, next],
    ];
};
exports.decorrelatedJitterGenerator = decorrelatedJitterGenerator;
//# sourceMappingURL=ExponentialBackoffGenerators.js.map

/***/ }),

/***/ 2347:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IterableBackoff = void 0;
class IterableBackoff {
    /**
     * Backoff that returns a number from an iterable.
     */
    constructor(durations) {
        this.durations = durations;
    }
    /**
     * @inheritdoc
     */
    next(_context) {
        return instance(this.durations, 0);
    }
}
exports.IterableBackoff = IterableBackoff;
const instance = (durations, index) => ({
    duration: durations[index],
    next() {
        return index === durations.length - 1 ? this : instance(durations, index + 1);
    },
});
//# sourceMappingURL=IterableBackoff.js.map

/***/ }),

/***/ 325:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
__exportStar(__nccwpck_require__(527), exports);
__exportStar(__nccwpck_require__(3816), exports);
__exportStar(__nccwpck_require__(3338), exports);
//# sourceMappingURL=Breaker.js.map

/***/ }),

/***/ 527:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConsecutiveBreaker = void 0;
class ConsecutiveBreaker {
    /**
     * ConsecutiveBreaker breaks if more than `threshold` exceptions are received
     * over a time period.
     */
    constructor(threshold) {
        this.threshold = threshold;
        /**
         * @inheritdoc
         */
        this.state = 0;
    }
    /**
     * @inheritdoc
     */
    success() {
        this.state = 0;
    }
    /**
     * @inheritdoc
     */
    failure() {
        return ++this.state >= this.threshold;
    }
}
exports.ConsecutiveBreaker = ConsecutiveBreaker;
//# sourceMappingURL=ConsecutiveBreaker.js.map

/***/ }),

/***/ 3816:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CountBreaker = void 0;
const CircuitBreakerPolicy_1 = __nccwpck_require__(3259);
class CountBreaker {
    /**
     * @inheritdoc
     */
    get state() {
        return {
            samples: this.samples,
            currentSample: this.currentSample,
            failures: this.failures,
            successes: this.successes,
        };
    }
    /**
     * @inheritdoc
     */
    set state(value) {
        Object.assign(this, value);
    }
    /**
     * CountBreaker breaks if more than `threshold` percentage of the last `size`
     * calls failed, so long as at least `minimumNumberOfCalls` calls have been
     * performed (to avoid opening unnecessarily if there are only few samples
     * in the sliding window yet).
     */
    constructor({ threshold, size, minimumNumberOfCalls = size }) {
        this.successes = 0;
        this.failures = 0;
        this.currentSample = 0;
        if (threshold <= 0 || threshold >= 1) {
            throw new RangeError(`CountBreaker threshold should be between (0, 1), got ${threshold}`);
        }
        if (!Number.isSafeInteger(size) || size < 1) {
            throw new RangeError(`CountBreaker size should be a positive integer, got ${size}`);
        }
        if (!Number.isSafeInteger(minimumNumberOfCalls) ||
            minimumNumberOfCalls < 1 ||
            minimumNumberOfCalls > size) {
            throw new RangeError(`CountBreaker size should be an integer between (1, size), got ${minimumNumberOfCalls}`);
        }
        this.threshold = threshold;
        this.minimumNumberOfCalls = minimumNumberOfCalls;
        this.samples = Array.from({ length: size }, () => null);
    }
    /**
     * @inheritdoc
     */
    success(state) {
        if (state === CircuitBreakerPolicy_1.CircuitState.HalfOpen) {
            this.reset();
        }
        this.sample(true);
    }
    /**
     * @inheritdoc
     */
    failure(state) {
        this.sample(false);
        if (state !== CircuitBreakerPolicy_1.CircuitState.Closed) {
            return true;
        }
        const total = this.successes + this.failures;
        if (total < this.minimumNumberOfCalls) {
            return false;
        }
        if (this.failures > this.threshold * total) {
            return true;
        }
        return false;
    }
    reset() {
        this.samples.fill(null);
        this.successes = 0;
        this.failures = 0;
    }
    sample(success) {
        const current = this.samples[this.currentSample];
        if (current === true) {
            this.successes--;
        }
        else if (current === false) {
            this.failures--;
        }
        this.samples[this.currentSample] = success;
        if (success) {
            this.successes++;
        }
        else {
            this.failures++;
        }
        this.currentSample = (this.currentSample + 1) % this.samples.length;
    }
}
exports.CountBreaker = CountBreaker;
//# sourceMappingURL=CountBreaker.js.map

/***/ }),

/***/ 3338:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.SamplingBreaker = void 0;
const CircuitBreakerPolicy_1 = __nccwpck_require__(3259);
class SamplingBreaker {
    /**
     * @inheritdoc
     */
    get state() {
        return {
            windows: this.windows,
            currentWindow: this.currentWindow,
            currentFailures: this.currentFailures,
            currentSuccesses: this.currentSuccesses,
        };
    }
    /**
     * @inheritdoc
     */
    set state(value) {
        Object.assign(this, value);
    }
    /**
     * SamplingBreaker breaks if more than `threshold` percentage of calls over the
     * last `samplingDuration`, so long as there's at least `minimumRps` (to avoid
     * opening unnecessarily under low RPS).
     */
    constructor({ threshold, duration: samplingDuration, minimumRps }) {
        this.windows = [];
        this.currentWindow = 0;
        this.currentFailures = 0;
        this.currentSuccesses = 0;
        if (threshold <= 0 || threshold >= 1) {
            throw new RangeError(`SamplingBreaker threshold should be between (0, 1), got ${threshold}`);
        }
        this.threshold = threshold;
        // at least 5 windows, max 1 second each:
        const windowCount = Math.max(5, Math.ceil(samplingDuration / 1000));
        for (let i = 0; i < windowCount; i++) {
            this.windows.push({ startedAt: 0, failures: 0, successes: 0 });
        }
        this.windowSize = Math.round(samplingDuration / windowCount);
        this.duration = this.windowSize * windowCount;
        if (minimumRps) {
            this.minimumRpms = minimumRps / 1000;
        }
        else {
            // for our rps guess, set it so at least 5 failures per second
            // are needed to open the circuit
            this.minimumRpms = 5 / (threshold * 1000);
        }
    }
    /**
     * @inheritdoc
     */
    success(state) {
        if (state === CircuitBreakerPolicy_1.CircuitState.HalfOpen) {
            this.resetWindows();
        }
        this.push(true);
    }
    /**
     * @inheritdoc
     */
    failure(state) {
        this.push(false);
        if (state !== CircuitBreakerPolicy_1.CircuitState.Closed) {
            return true;
        }
        const total = this.currentSuccesses + this.currentFailures;
        // If we don't have enough rps, then the circuit is open.
        // 1. `total / samplingDuration` gets rps
        // 2. We want `rpms < minimumRpms`
        // 3. Simplifies to `total < samplingDuration * minimumRps`
        if (total < this.duration * this.minimumRpms) {
            return false;
        }
        // If we're above threshold, open the circuit
        // 1. `failures / total > threshold`
        // 2. `failures > threshold * total`
        if (this.currentFailures > this.threshold * total) {
            return true;
        }
        return false;
    }
    resetWindows() {
        this.currentFailures = 0;
        this.currentSuccesses = 0;
        for (const window of this.windows) {
            window.failures = 0;
            window.successes = 0;
            window.startedAt = 0;
        }
    }
    rotateWindow(now) {
        const next = (this.currentWindow + 1) % this.windows.length;
        this.currentFailures -= this.windows[next].failures;
        this.currentSuccesses -= this.windows[next].successes;
        const window = (this.windows[next] = { failures: 0, successes: 0, startedAt: now });
        this.currentWindow = next;
        return window;
    }
    push(success) {
        const now = Date.now();
        // Get the current time period window, advance if necessary
        let window = this.windows[this.currentWindow];
        if (now - window.startedAt >= this.windowSize) {
            window = this.rotateWindow(now);
        }
        // Increment current counts
        if (success) {
            window.successes++;
            this.currentSuccesses++;
        }
        else {
            window.failures++;
            this.currentFailures++;
        }
    }
}
exports.SamplingBreaker = SamplingBreaker;
//# sourceMappingURL=SamplingBreaker.js.map

/***/ }),

/***/ 9158:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MemorizingEventEmitter = exports.EventEmitter = exports.onAbort = exports.Event = exports.noopDisposable = void 0;
const TaskCancelledError_1 = __nccwpck_require__(6548);
exports.noopDisposable = { dispose: () => undefined };
var Event;
(function (Event) {
    /**
     * Adds a handler that handles one event on the emitter.
     */
    Event.once = (event, listener) => {
        let syncDispose = false;
        let disposable;
        disposable = event(value => {
            listener(value);
            if (disposable) {
                disposable.dispose();
            }
            else {
                syncDispose = true; // callback can fire before disposable is returned
            }
        });
        if (syncDispose) {
            disposable.dispose();
            return exports.noopDisposable; // no reason to keep the ref around
        }
        return disposable;
    };
    /**
     * Returns a promise that resolves when the event fires, or when cancellation
     * is requested, whichever happens first.
     */
    Event.toPromise = (event, signal) => {
        if (!signal) {
            return new Promise(resolve => Event.once(event, resolve));
        }
        if (signal.aborted) {
            return Promise.reject(new TaskCancelledError_1.TaskCancelledError());
        }
        const toDispose = [];
        return new Promise((resolve, reject) => {
            const abortEvt = (0, exports.onAbort)(signal);
            toDispose.push(abortEvt);
            toDispose.push(abortEvt.event(() => {
                reject(new TaskCancelledError_1.TaskCancelledError());
            }));
            toDispose.push(Event.once(event, data => {
                resolve(data);
            }));
        }).finally(() => {
            for (const d of toDispose) {
                d.dispose();
            }
        });
    };
})(Event || (exports.Event = Event = {}));
/** Creates an Event that fires when the signal is aborted. */
const onAbort = (signal) => {
    const evt = new OneShotEvent();
    if (signal.aborted) {
        evt.emit();
        return { event: evt.addListener, dispose: () => { } };
    }
    const dispose = () => signal.removeEventListener('abort', l);
    // @types/node is currently missing the event types on AbortSignal
    const l = () => {
        evt.emit();
        dispose();
    };
    signal.addEventListener('abort', l);
    return { event: evt.addListener, dispose };
};
exports.onAbort = onAbort;
/**
 * Base event emitter. Calls listeners when data is emitted.
 */
class EventEmitter {
    constructor() {
        /**
         * Event<T> function.
         */
        this.addListener = listener => this.addListenerInner(listener);
    }
    /**
     * Gets the number of event listeners.
     */
    get size() {
        if (!this.listeners) {
            return 0;
        }
        else if (typeof this.listeners === 'function') {
            return 1;
        }
        else {
            return this.listeners.length;
        }
    }
    /**
     * Emits event data.
     */
    emit(value) {
        if (!this.listeners) {
            // no-op
        }
        else if (typeof this.listeners === 'function') {
            this.listeners(value);
        }
        else {
            for (const listener of this.listeners) {
                listener(value);
            }
        }
    }
    addListenerInner(listener) {
        if (!this.listeners) {
            this.listeners = listener;
        }
        else if (typeof this.listeners === 'function') {
            this.listeners = [this.listeners, listener];
        }
        else {
            this.listeners.push(listener);
        }
        return { dispose: () => this.removeListener(listener) };
    }
    removeListener(listener) {
        if (!this.listeners) {
            return;
        }
        if (typeof this.listeners === 'function') {
            if (this.listeners === listener) {
                this.listeners = undefined;
            }
            return;
        }
        const index = this.listeners.indexOf(listener);
        if (index === -1) {
            return;
        }
        if (this.listeners.length === 2) {
            this.listeners = index === 0 ? this.listeners[1] : this.listeners[0];
        }
        else {
            this.listeners = this.listeners.slice(0, index).concat(this.listeners.slice(index + 1));
        }
    }
}
exports.EventEmitter = EventEmitter;
/**
 * An event emitter that memorizes and instantly re-emits its last value
 * to attached listeners.
 */
class MemorizingEventEmitter extends EventEmitter {
    constructor() {
        super(...arguments);
        /**
         * @inheritdoc
         */
        this.addListener = listener => {
            const disposable = this.addListenerInner(listener);
            if (this.lastValue) {
                listener(this.lastValue.value);
            }
            return disposable;
        };
    }
    /**
     * Gets whether this emitter has yet emitted any event.
     */
    get hasEmitted() {
        return !!this.lastValue;
    }
    /**
     * @inheritdoc
     */
    emit(value) {
        this.lastValue = { value };
        super.emit(value);
    }
}
exports.MemorizingEventEmitter = MemorizingEventEmitter;
/**
 * An event emitter that fires a value once and removes all
 * listeners automatically after doing so.
 */
class OneShotEvent extends EventEmitter {
    constructor() {
        super(...arguments);
        /**
         * @inheritdoc
         */
        this.addListener = listener => {
            if (this.lastValue) {
                listener(this.lastValue.value);
                return exports.noopDisposable;
            }
            else {
                return this.addListenerInner(listener);
            }
        };
    }
    /**
     * @inheritdoc
     */
    emit(value) {
        this.lastValue = { value };
        super.emit(value);
        this.listeners = undefined;
    }
}
//# sourceMappingURL=Event.js.map

/***/ }),

/***/ 437:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ExecuteWrapper = exports.returnOrThrow = void 0;
const Event_1 = __nccwpck_require__(9158);
const returnOrThrow = (failure) => {
    if ('error' in failure) {
        throw failure.error;
    }
    if ('success' in failure) {
        return failure.success;
    }
    return failure.value;
};
exports.returnOrThrow = returnOrThrow;
const makeStopwatch = () => {
    if (typeof performance !== 'undefined') {
        const start = performance.now();
        return () => performance.now() - start;
    }
    else {
        const start = process.hrtime.bigint();
        return () => Number(process.hrtime.bigint() - start) / 1000000; // ns->ms
    }
};
class ExecuteWrapper {
    constructor(errorFilter = () => false, resultFilter = () => false) {
        this.errorFilter = errorFilter;
        this.resultFilter = resultFilter;
        this.successEmitter = new Event_1.EventEmitter();
        this.failureEmitter = new Event_1.EventEmitter();
        this.onSuccess = this.successEmitter.addListener;
        this.onFailure = this.failureEmitter.addListener;
    }
    clone() {
        return new ExecuteWrapper(this.errorFilter, this.resultFilter);
    }
    async invoke(fn, ...args) {
        const stopwatch = this.successEmitter.size || this.failureEmitter.size ? makeStopwatch() : null;
        try {
            const value = await fn(...args);
            if (!this.resultFilter(value)) {
                if (stopwatch) {
                    this.successEmitter.emit({ duration: stopwatch() });
                }
                return { success: value };
            }
            if (stopwatch) {
                this.failureEmitter.emit({ duration: stopwatch(), handled: true, reason: { value } });
            }
            return { value };
        }
        catch (rawError) {
            const error = rawError;
            const handled = this.errorFilter(error);
            if (stopwatch) {
                this.failureEmitter.emit({ duration: stopwatch(), handled, reason: { error } });
            }
            if (!handled) {
                throw error;
            }
            return { error };
        }
    }
}
exports.ExecuteWrapper = ExecuteWrapper;
//# sourceMappingURL=Executor.js.map

/***/ }),

/***/ 808:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.deriveAbortController = exports.abortedSignal = exports.neverAbortedSignal = void 0;
const Event_1 = __nccwpck_require__(9158);
exports.neverAbortedSignal = new AbortController().signal;
const cancelledSrc = new AbortController();
cancelledSrc.abort();
exports.abortedSignal = cancelledSrc.signal;
const noop = () => { };
/**
 * Creates a new AbortController that is aborted when the parent signal aborts.
 * @private
 */
const deriveAbortController = (signal) => {
    const ctrl = new AbortController();
    let dispose = noop;
    if (!signal) {
        return { ctrl, dispose };
    }
    if (signal.aborted) {
        ctrl.abort();
    }
    else {
        const abortEvt = (0, Event_1.onAbort)(signal);
        abortEvt.event(() => ctrl.abort());
        dispose = abortEvt.dispose;
    }
    return { ctrl, dispose };
};
exports.deriveAbortController = deriveAbortController;
//# sourceMappingURL=abort.js.map

/***/ }),

/***/ 1554:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defer = void 0;
const defer = () => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
    return { resolve: resolve, reject: reject, promise };
};
exports.defer = defer;
//# sourceMappingURL=defer.js.map

/***/ }),

/***/ 8096:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BrokenCircuitError = void 0;
class BrokenCircuitError extends Error {
    /**
     * Exception thrown from {@link CircuitBreakerPolicy.execute} when the
     * circuit breaker is open.
     */
    constructor(message = 'Execution prevented because the circuit breaker is open') {
        super(message);
        this.isBrokenCircuitError = true;
    }
}
exports.BrokenCircuitError = BrokenCircuitError;
//# sourceMappingURL=BrokenCircuitError.js.map

/***/ }),

/***/ 7678:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BulkheadRejectedError = void 0;
class BulkheadRejectedError extends Error {
    constructor(executionSlots, queueSlots) {
        super(`Bulkhead capacity exceeded (0/${executionSlots} execution slots, 0/${queueSlots} available)`);
        this.isBulkheadRejectedError = true;
    }
}
exports.BulkheadRejectedError = BulkheadRejectedError;
//# sourceMappingURL=BulkheadRejectedError.js.map

/***/ }),

/***/ 3209:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isHydratingCircuitError = exports.isTaskCancelledError = exports.isIsolatedCircuitError = exports.isBulkheadRejectedError = exports.isBrokenCircuitError = void 0;
__exportStar(__nccwpck_require__(8096), exports);
__exportStar(__nccwpck_require__(7678), exports);
__exportStar(__nccwpck_require__(6803), exports);
__exportStar(__nccwpck_require__(4594), exports);
__exportStar(__nccwpck_require__(6548), exports);
const isBrokenCircuitError = (e) => !!e && e instanceof Error && 'isBrokenCircuitError' in e;
exports.isBrokenCircuitError = isBrokenCircuitError;
const isBulkheadRejectedError = (e) => !!e && e instanceof Error && 'isBulkheadRejectedError' in e;
exports.isBulkheadRejectedError = isBulkheadRejectedError;
const isIsolatedCircuitError = (e) => !!e && e instanceof Error && 'isBulkheadRejectedError' in e;
exports.isIsolatedCircuitError = isIsolatedCircuitError;
const isTaskCancelledError = (e) => !!e && e instanceof Error && 'isBulkheadRejectedError' in e;
exports.isTaskCancelledError = isTaskCancelledError;
const isHydratingCircuitError = (e) => !!e && e instanceof Error && 'isHydratingCircuitError' in e;
exports.isHydratingCircuitError = isHydratingCircuitError;
//# sourceMappingURL=Errors.js.map

/***/ }),

/***/ 6803:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HydratingCircuitError = void 0;
class HydratingCircuitError extends Error {
    /**
     * Exception thrown from {@link CircuitBreakerPolicy.execute} when the
     * circuit breaker is open.
     */
    constructor(message = 'Execution prevented because the circuit breaker is open') {
        super(message);
        this.isHydratingCircuitError = true;
    }
}
exports.HydratingCircuitError = HydratingCircuitError;
//# sourceMappingURL=HydratingCircuitError.js.map

/***/ }),

/***/ 4594:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.IsolatedCircuitError = void 0;
const BrokenCircuitError_1 = __nccwpck_require__(8096);
class IsolatedCircuitError extends BrokenCircuitError_1.BrokenCircuitError {
    /**
     * Exception thrown from {@link CircuitBreakerPolicy.execute} when the
     * circuit breaker is open.
     */
    constructor() {
        super(`Execution prevented because the circuit breaker is open`);
        this.isIsolatedCircuitError = true;
    }
}
exports.IsolatedCircuitError = IsolatedCircuitError;
//# sourceMappingURL=IsolatedCircuitError.js.map

/***/ }),

/***/ 6548:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TaskCancelledError = void 0;
class TaskCancelledError extends Error {
    /**
     * Error thrown when a task is cancelled.
     */
    constructor(message = 'Operation cancelled') {
        super(message);
        this.message = message;
        this.isTaskCancelledError = true;
    }
}
exports.TaskCancelledError = TaskCancelledError;
//# sourceMappingURL=TaskCancelledError.js.map

/***/ }),

/***/ 6090:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.EventEmitter = exports.Event = void 0;
__exportStar(__nccwpck_require__(5377), exports);
__exportStar(__nccwpck_require__(325), exports);
__exportStar(__nccwpck_require__(8608), exports);
__exportStar(__nccwpck_require__(3259), exports);
var Event_1 = __nccwpck_require__(9158);
Object.defineProperty(exports, "Event", ({ enumerable: true, get: function () { return Event_1.Event; } }));
Object.defineProperty(exports, "EventEmitter", ({ enumerable: true, get: function () { return Event_1.EventEmitter; } }));
__exportStar(__nccwpck_require__(3209), exports);
__exportStar(__nccwpck_require__(9448), exports);
__exportStar(__nccwpck_require__(3114), exports);
__exportStar(__nccwpck_require__(4830), exports);
__exportStar(__nccwpck_require__(3518), exports);
__exportStar(__nccwpck_require__(8415), exports);
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 6885:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ deadlineSignal),
/* harmony export */   u: () => (/* binding */ onAbort)
/* harmony export */ });
// Abort listening that scales. A candidate's signal lives for the whole run and is shared by all
// of its requests (a thousand for a large go.sum); one 'abort' listener each would pass Node's
// limit of ten and print MaxListenersExceededWarning. Here a signal gets one real listener that
// calls every subscriber, removed again with the last subscriber.
const bySignal = new WeakMap();
/**
 * Calls `callback` once when `signal` aborts (in a microtask if it already has, never before this
 * returns). Returns the unsubscribe function: call it when the operation ends, so nothing is kept
 * for a signal that lives on.
 */
function onAbort(signal, callback) {
    if (signal.aborted) {
        let subscribed = true;
        queueMicrotask(() => subscribed && callback());
        return () => void (subscribed = false);
    }
    const subscribers = bySignal.get(signal) ?? listen(signal);
    // A wrapper of its own, so that one function subscribed twice is called twice.
    const entry = () => callback();
    subscribers.callbacks.add(entry);
    return () => {
        if (!subscribers.callbacks.delete(entry) || subscribers.callbacks.size > 0)
            return;
        signal.removeEventListener('abort', subscribers.fire);
        if (bySignal.get(signal) === subscribers)
            bySignal.delete(signal);
    };
}
function listen(signal) {
    const callbacks = new Set();
    const fire = () => {
        bySignal.delete(signal);
        for (const callback of [...callbacks])
            callback();
        callbacks.clear();
    };
    signal.addEventListener('abort', fire, { once: true });
    const subscribers = { callbacks, fire };
    bySignal.set(signal, subscribers);
    return subscribers;
}
/**
 * Like AbortSignal.any([parent, AbortSignal.timeout(ms)]), but it leaves nothing behind on a
 * long-lived `parent` once disposed (AbortSignal.any keeps a reference per call in some Node
 * versions).
 */
function deadlineSignal(parent, timeoutMs) {
    const controller = new AbortController();
    let expired = false;
    const timer = setTimeout(() => {
        expired = true;
        controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    }, timeoutMs);
    if (parent?.aborted)
        controller.abort(parent.reason);
    const unsubscribe = parent
        ? onAbort(parent, () => controller.abort(parent.reason))
        : () => undefined;
    return {
        signal: controller.signal,
        expired: () => expired,
        dispose: () => {
            clearTimeout(timer);
            unsubscribe();
        }
    };
}


/***/ }),

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2404);
/* harmony import */ var _exit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3139);


// Exits once stdout has drained, so that nothing left running can hold the command open.
await (0,_exit_js__WEBPACK_IMPORTED_MODULE_1__/* .exitWhenSettled */ .q)((0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2), process.env, _cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .processIo */ .Wr));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main),
  Wr: () => (/* binding */ processIo)
});

// UNUSED EXPORTS: EXIT, exitStatus

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
;// CONCATENATED MODULE: ./src/xmod/sumdb/errors.ts
/** A checksum database answer (or key) failed verification; `code` says how. */
class errors_SumdbError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'SumdbError';
        this.code = code;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __nccwpck_require__(1817);
;// CONCATENATED MODULE: ./src/xmod/sumdb/note-keys.ts
// Checksum database keys as golang.org/x/mod/sumdb/note writes them: a verifier key is
// "<name>+<8 hex key hash>+<base64(0x01 ‖ ed25519 public key)>", a signer key is the same with
// "PRIVATE+KEY+" in front and the 32-byte private seed in place of the public key.



const ALG_ED25519 = 0x01;
const ED25519_KEY_SIZE = 32;
const ED25519_SIGNATURE_SIZE = 64;
// DER framing of a raw ed25519 key, so node:crypto can import the 32 bytes Go stores.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Go's base64.StdEncoding.DecodeString: standard alphabet, padding required, CR and LF skipped,
 * non-zero trailing bits tolerated. Undefined when Go would report an error (Node would not).
 */
function decodeStdBase64(s) {
    const clean = s.replace(/[\r\n]/g, '');
    return STD_BASE64.test(clean) ? Buffer.from(clean, 'base64') : undefined;
}
/** A key name: non-empty valid UTF-8 without Unicode white space or '+'. */
function note_keys_isValidKeyName(name) {
    if (name === '' || name.includes('+') || LONE_SURROGATE.test(name))
        return false;
    const words = (0,strings/* fields */.OA)(name);
    return words.length === 1 && words[0] === name;
}
/** First 4 bytes (big-endian) of SHA-256(name ‖ "\n" ‖ key), key including its algorithm byte. */
function keyHash(name, key) {
    return (0,external_node_crypto_.createHash)('sha256').update(name, 'utf8').update('\n').update(key).digest().readUInt32BE(0);
}
function hex8(hash) {
    return hash.toString(16).padStart(8, '0');
}
/** "name+hash" as Go names a key in its messages. */
function keyLabel(name, hash) {
    return `${name}+${hex8(hash)}`;
}
function cut(s, sep) {
    const i = s.indexOf(sep);
    return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}
function badKey(reason, key) {
    return new errors_SumdbError('bad-key', `${reason} ${(0,strings/* quote */.hD)(key)}`);
}
function ed25519Verifier(name, hash, publicKey) {
    const keyObject = (0,external_node_crypto_.createPublicKey)({
        key: Buffer.concat([SPKI_PREFIX, publicKey]),
        format: 'der',
        type: 'spki'
    });
    const verify = (msg, sig) => {
        if (sig.length !== ED25519_SIGNATURE_SIZE)
            return false;
        try {
            return (0,external_node_crypto_.verify)(null, msg, keyObject, sig);
        }
        catch {
            return false;
        }
    };
    return { name, keyHash: hash, publicKey, verify };
}
/** Parses "<name>+<hash>+<key>" with note.NewVerifier's checks and wording. */
function parseVerifierKey(vkey) {
    const [name, rest] = cut(vkey, '+');
    const [hash16, key64] = cut(rest, '+');
    const key = decodeStdBase64(key64);
    if (!/^[0-9a-fA-F]{8}$/.test(hash16) || !key || key.length === 0 || !note_keys_isValidKeyName(name)) {
        throw badKey('malformed verifier id', vkey);
    }
    const hash = parseInt(hash16, 16);
    if (hash !== keyHash(name, key))
        throw badKey('invalid verifier hash', vkey);
    if (key[0] !== ALG_ED25519)
        throw badKey('unknown verifier algorithm', vkey);
    if (key.length !== 1 + ED25519_KEY_SIZE)
        throw badKey('malformed verifier id', vkey);
    return ed25519Verifier(name, hash, key.subarray(1));
}
function publicKeyOf(privateKey) {
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    return Buffer.concat([Buffer.of(ALG_ED25519), spki.subarray(SPKI_PREFIX.length)]);
}
function formatKey(name, hash, key) {
    return `${name}+${hex8(hash)}+${key.toString('base64')}`;
}
/** Parses Go's "PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>" (note.NewSigner's checks). */
function parseSignerKey(skey) {
    const [priv, afterPriv] = cut(skey, '+');
    const [word, afterWord] = cut(afterPriv, '+');
    const [name, rest] = cut(afterWord, '+');
    const [hash16, key64] = cut(rest, '+');
    const key = decodeStdBase64(key64);
    const wellFormed = priv === 'PRIVATE' && word === 'KEY' && /^[0-9a-fA-F]{8}$/.test(hash16);
    // The key itself is not echoed: it is a secret.
    if (!wellFormed || !key || key.length === 0 || !note_keys_isValidKeyName(name)) {
        throw new SumdbError('bad-key', 'malformed signer key');
    }
    if (key[0] !== ALG_ED25519)
        throw new SumdbError('bad-key', 'unknown signer key algorithm');
    if (key.length !== 1 + ED25519_KEY_SIZE)
        throw new SumdbError('bad-key', 'malformed signer key');
    const privateKey = createPrivateKey({
        key: Buffer.concat([PKCS8_PREFIX, key.subarray(1)]),
        format: 'der',
        type: 'pkcs8'
    });
    const hash = parseInt(hash16, 16);
    if (hash !== keyHash(name, publicKeyOf(privateKey))) {
        throw new SumdbError('bad-key', `invalid signer key hash for ${quote(name)}`);
    }
    return { name, keyHash: hash, privateKey };
}
/** A fresh ed25519 key named `name`, with its keys in Go's text forms (note.GenerateKey). */
function generateSignerKey(name) {
    if (!note_keys_isValidKeyName(name))
        throw new SumdbError('bad-key', `invalid key name ${quote(name)}`);
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicKey = publicKeyOf(privateKey);
    const hash = keyHash(name, publicKey);
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    const seed = Buffer.concat([Buffer.of(ALG_ED25519), pkcs8.subarray(PKCS8_PREFIX.length)]);
    return {
        signer: { name, keyHash: hash, privateKey },
        verifierKey: formatKey(name, hash, publicKey),
        signerKey: `PRIVATE+KEY+${formatKey(name, hash, seed)}`
    };
}

// EXTERNAL MODULE: ./src/gostd/errors.ts
var errors = __nccwpck_require__(3180);
// EXTERNAL MODULE: ./src/gostd/url.ts + 1 modules
var gostd_url = __nccwpck_require__(3174);
;// CONCATENATED MODULE: ./src/goenv/gosumdb.ts
// GOSUMDB as the go command reads it (cmd/go/internal/modfetch sumdb.go dbDial, key.go):
// "off", or "<key> [<url>]" where the key is a full verifier key or a name Go knows the key of.





/** The module the go command downloads toolchains as (gover.ToolchainModule). */
const TOOLCHAIN_MODULE = 'golang.org/toolchain';
const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
// modfetch's knownGOSUMDB (a Map, so that "constructor" is not a known name).
const KNOWN_KEYS = new Map([['sum.golang.org', SUM_GOLANG_ORG_KEY]]);
// An empty GOSUMDB means the value from $GOROOT/go.env.
const DEFAULT_GOSUMDB = 'sum.golang.org';
// The whole value "sum.golang.google.cn" is Go's alias for sum.golang.org reachable from China.
const CHINA_ALIAS = 'sum.golang.google.cn';
const CHINA_ALIAS_MEANS = 'sum.golang.org https://sum.golang.google.cn';
const URL_SCHEMES = new Set(['https', 'http', 'file']);
function verifierName(verifierKey) {
    try {
        return parseVerifierKey(verifierKey).name;
    }
    catch (err) {
        if (err instanceof errors_SumdbError)
            throw new errors/* GoEnvError */.O(`invalid GOSUMDB: ${err.message}`);
        throw err;
    }
}
// https://<name> must parse to nothing but a host and a canonically escaped path.
function checkDatabaseName(name) {
    const url = (0,gostd_url/* tryParseGoUrl */.cT)(`https://${name}`);
    const plain = url !== undefined &&
        url.host !== '' &&
        url.rawPath === '' &&
        url.opaque === '' &&
        url.user === undefined &&
        url.rawQuery === '' &&
        !url.forceQuery &&
        url.fragment === '' &&
        url.rawFragment === '' &&
        !url.omitHost;
    if (!plain || name.endsWith('/')) {
        throw new errors/* GoEnvError */.O(`invalid sumdb name (must be host[/path]): ${name}`);
    }
}
/**
 * The URL of a checksum database, as GOSUMDB's second field or a `sumdb-mirrors` entry (exported
 * in a GOSUMDB): Go's url.Parse must accept it. Go fails at the first fetch on a URL it can parse
 * but never fetch; we refuse that early too. Returns the URL to fetch: one without a scheme
 * (`//host/path`) is fetched over https, as cmd/go/internal/web fetches it. Throws GoEnvError.
 */
function checkSumdbUrl(raw) {
    let url;
    try {
        url = (0,gostd_url/* parseGoUrl */.P)(raw);
    }
    catch (err) {
        if (err instanceof errors/* GoEnvError */.O)
            throw new errors/* GoEnvError */.O(`invalid GOSUMDB URL: ${err.message}`);
        throw err;
    }
    if (url.scheme === '' && url.host !== '')
        return `https:${raw}`;
    if (!URL_SCHEMES.has(url.scheme) || (url.scheme !== 'file' && url.host === '')) {
        throw new errors/* GoEnvError */.O(`invalid GOSUMDB URL: ${(0,strings/* quote */.hD)(raw)} is not an absolute https, http or file URL`);
    }
    return raw;
}
/** Parses a GOSUMDB value; throws GoEnvError with the go command's wording. */
function parseGosumdb(value) {
    const raw = value === '' ? DEFAULT_GOSUMDB : value;
    if (raw === 'off')
        return { kind: 'off', raw: 'off' };
    const words = (0,strings/* fields */.OA)(raw === CHINA_ALIAS ? CHINA_ALIAS_MEANS : raw);
    if (words.length === 0)
        throw new errors/* GoEnvError */.O('missing GOSUMDB');
    if (words.length > 2)
        throw new errors/* GoEnvError */.O('invalid GOSUMDB: too many fields');
    const verifierKey = KNOWN_KEYS.get(words[0]) ?? words[0];
    const name = verifierName(verifierKey);
    checkDatabaseName(name);
    const spec = { kind: 'db', raw, name, verifierKey };
    if (words.length === 2)
        spec.url = checkSumdbUrl(words[1]);
    return spec;
}
/**
 * Where the go command reaches the database when no proxy serves it: https://<name>. (A name
 * may end in '#', an empty fragment that url.Parse drops.)
 */
function directUrl(spec) {
    return `https://${spec.name.endsWith('#') ? spec.name.slice(0, -1) : spec.name}`;
}

;// CONCATENATED MODULE: ./src/gostd/pathmatch.ts
// Go's path.Match (src/path/match.go), byte for byte on the UTF-8 form of both strings.
//   '*' any run of non-'/' bytes, '?' one non-'/' character, '[a-z]' / '[^a-z]' a character
//   class with ranges, '\\c' the character c.
// A malformed pattern is an error even when the name already failed to match, because Go
// checks the rest of the pattern too.
const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const utf8 = new TextEncoder();
/** path.ErrBadPattern, as a value rather than an exception. */
const BAD_PATTERN = 'syntax error in pattern';
// One UTF-8 character at the start of s: its code point and length (Go's RuneError, 1 on
// invalid bytes; TextEncoder output is always valid, so that case does not arise here).
function decodeRune(s, at) {
    const b = s[at];
    if (b < 0x80)
        return [b, 1];
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    let rune = b & (0xff >> (size + 1));
    for (let i = 1; i < size; i++)
        rune = (rune << 6) | (s[at + i] & 0x3f);
    return [rune, size];
}
// The next chunk: leading stars, then the text up to the next '*' outside a class.
function scanChunk(pattern) {
    let start = 0;
    while (start < pattern.length && pattern[start] === STAR)
        start++;
    const p = pattern.subarray(start);
    let inRange = false;
    for (let i = 0; i < p.length; i++) {
        const c = p[i];
        if (c === BACKSLASH && i + 1 < p.length)
            i++;
        else if (c === OPEN)
            inRange = true;
        else if (c === CLOSE)
            inRange = false;
        else if (c === STAR && !inRange)
            return { star: start > 0, chunk: p.subarray(0, i), rest: p.subarray(i) };
    }
    return { star: start > 0, chunk: p, rest: p.subarray(p.length) };
}
// One possibly escaped character of a class; the class must go on after it.
function classChar(chunk, at) {
    if (at >= chunk.length || chunk[at] === DASH || chunk[at] === CLOSE)
        return undefined;
    const start = chunk[at] === BACKSLASH ? at + 1 : at;
    if (start >= chunk.length)
        return undefined;
    const [rune, size] = decodeRune(chunk, start);
    const next = start + size;
    return next >= chunk.length ? undefined : { rune, next };
}
// A class "[...]" starting at chunk[at] === '[', against rune (undefined when s is used up).
function matchClass(chunk, at, rune) {
    let i = at + 1;
    const negated = chunk[i] === CARET;
    if (negated)
        i++;
    let matched = false;
    for (let ranges = 0;; ranges++) {
        if (ranges > 0 && chunk[i] === CLOSE)
            return { next: i + 1, ok: matched !== negated };
        const lo = classChar(chunk, i);
        if (!lo)
            return undefined;
        let hi = lo;
        if (chunk[lo.next] === DASH) {
            const end = classChar(chunk, lo.next + 1);
            if (!end)
                return undefined;
            hi = end;
        }
        i = hi.next;
        if (rune !== undefined && lo.rune <= rune && rune <= hi.rune)
            matched = true;
    }
}
// Matches chunk against the start of s: the rest of s on success, null on a mismatch,
// BAD_PATTERN on a malformed chunk (which is checked to its end even after a mismatch).
function matchChunk(chunk, s) {
    let failed = false;
    let pos = 0;
    for (let i = 0; i < chunk.length;) {
        failed ||= pos >= s.length;
        const c = chunk[i];
        if (c === OPEN) {
            let rune;
            if (!failed) {
                const [r, size] = decodeRune(s, pos);
                rune = r;
                pos += size;
            }
            const result = matchClass(chunk, i, rune);
            if (!result)
                return BAD_PATTERN;
            failed ||= !result.ok;
            i = result.next;
        }
        else if (c === QUESTION) {
            if (!failed) {
                failed = s[pos] === SLASH;
                pos += decodeRune(s, pos)[1];
            }
            i++;
        }
        else {
            if (c === BACKSLASH && ++i >= chunk.length)
                return BAD_PATTERN;
            if (!failed)
                failed = chunk[i] !== s[pos++];
            i++;
        }
    }
    return failed ? null : s.subarray(pos);
}
// After a mismatch: Go still reports a malformed rest of the pattern.
function checkRest(pattern) {
    for (let rest = pattern; rest.length > 0;) {
        const next = scanChunk(rest);
        if (matchChunk(next.chunk, new Uint8Array(0)) === BAD_PATTERN)
            return BAD_PATTERN;
        rest = next.rest;
    }
    return false;
}
/** path.Match, with ErrBadPattern as the BAD_PATTERN value. */
function goPathMatch(patternText, nameText) {
    let pattern = utf8.encode(patternText);
    let name = utf8.encode(nameText);
    patterns: while (pattern.length > 0) {
        const { star, chunk, rest } = scanChunk(pattern);
        pattern = rest;
        // A trailing '*' matches the rest of the name unless it crosses a '/'.
        if (star && chunk.length === 0)
            return !name.includes(SLASH);
        const t = matchChunk(chunk, name);
        if (t instanceof Uint8Array && (t.length === 0 || pattern.length > 0)) {
            name = t;
            continue;
        }
        if (t === BAD_PATTERN)
            return BAD_PATTERN;
        if (star) {
            // Let the star eat one more non-'/' byte at a time.
            for (let i = 0; i < name.length && name[i] !== SLASH; i++) {
                const u = matchChunk(chunk, name.subarray(i + 1));
                if (u instanceof Uint8Array) {
                    if (pattern.length === 0 && u.length > 0)
                        continue;
                    name = u;
                    continue patterns;
                }
                if (u === BAD_PATTERN)
                    return BAD_PATTERN;
            }
        }
        return checkRest(pattern);
    }
    return name.length === 0;
}
/** Go's path.Match: whether name matches the shell pattern; a malformed pattern never matches. */
function pathMatch(pattern, name) {
    return goPathMatch(pattern, name) === true;
}

;// CONCATENATED MODULE: ./src/goenv/patterns.ts
// GOPRIVATE, GONOPROXY and GONOSUMDB: comma-separated path.Match patterns, each matched against
// as many leading elements of a module path as it has itself (module.MatchPrefixPatterns).




// The patterns as Go walks them: split at ',' (no trimming of spaces), a trailing '/' dropped,
// empty ones skipped.
function patternsOf(globs) {
    return globs
        .split(',')
        .map(glob => (glob.endsWith('/') ? glob.slice(0, -1) : glob))
        .filter(glob => glob !== '');
}
// The first n+1 elements of target, or undefined when it has fewer.
function leadingElements(target, slashes) {
    const elements = target.split('/');
    return elements.length <= slashes ? undefined : elements.slice(0, slashes + 1).join('/');
}
/** Whether target (a module path) matches any of the comma-separated patterns. */
function matchPrefixPatterns(globs, target) {
    return patternsOf(globs).some(glob => {
        const prefix = leadingElements(target, glob.split('/').length - 1);
        return prefix !== undefined && goPathMatch(glob, prefix) === true;
    });
}
/**
 * Throws GoEnvError naming the first malformed pattern (one Go's path.Match rejects, such as an
 * unclosed '[', a bad range or a trailing '\\'). Go never reports these: such a pattern just
 * never matches, which silently sends private modules to the public proxy.
 */
function checkPatterns(globs) {
    const bad = patternsOf(globs).find(glob => goPathMatch(glob, '') === BAD_PATTERN);
    if (bad !== undefined)
        throw new errors/* GoEnvError */.O(`malformed pattern ${(0,strings/* quote */.hD)(bad)}: ${BAD_PATTERN}`);
}
/**
 * GONOPROXY and GONOSUMDB as the go command reads them (cfg.EnvOrAndChanged): an unset or
 * empty value means GOPRIVATE. ("none" is an ordinary pattern, matching no real module.)
 */
function resolvePrivatePatterns(env) {
    const orPrivate = (value) => value === undefined || value === '' ? env.goprivate : value;
    return {
        goprivate: env.goprivate,
        gonoproxy: orPrivate(env.gonoproxy),
        gonosumdb: orPrivate(env.gonosumdb)
    };
}

;// CONCATENATED MODULE: ./src/goenv/platform.ts
// GOOS and GOARCH: the platform the go command runs on, named as Go names it.
const GOOS = {
    aix: 'aix',
    darwin: 'darwin',
    freebsd: 'freebsd',
    linux: 'linux',
    netbsd: 'netbsd',
    openbsd: 'openbsd',
    win32: 'windows'
};
const GOARCH = {
    arm: 'arm',
    arm64: 'arm64',
    ia32: '386',
    loong64: 'loong64',
    mips: 'mips',
    mipsel: 'mipsle',
    riscv64: 'riscv64',
    s390x: 's390x',
    x64: 'amd64'
};
/**
 * The GOOS and GOARCH of a Node platform and architecture (process.platform, process.arch);
 * undefined where Go has no port or Node's name is ambiguous (sunos: illumos or solaris).
 */
function goPlatformOf(platform, arch) {
    const goos = GOOS[platform];
    // Node says ppc64 for both: AIX runs big-endian, Linux (the only other port) little-endian.
    const goarch = arch === 'ppc64' ? (goos === 'aix' ? 'ppc64' : 'ppc64le') : GOARCH[arch];
    return goos && goarch ? { goos, goarch } : undefined;
}

;// CONCATENATED MODULE: ./src/gostd/gover.ts
// Go toolchain versions as the go command reads them (src/internal/gover, cmd/go/internal/gover):
// "1.21.0", "1.21rc1", and the language version "1.21". Not semver: 1.21 < 1.21rc1 < 1.21.0.
// A decimal without a needless leading zero, then the rest.
const NUMBER = '(0|[1-9][0-9]*)';
const VERSION = new RegExp(`^${NUMBER}(?:\\.${NUMBER}(?:\\.${NUMBER}|([a-z]+)${NUMBER}?)?)?$`);
/** gover.Parse: undefined when x is malformed (Go's zero Version). */
function parse(x) {
    const m = VERSION.exec(x);
    if (!m)
        return undefined;
    const [, major, minor, patch, kind = '', pre = ''] = m;
    // "1" means 1.0.0; before Go 1.21 a missing patch meant .0, since then it is the language.
    if (minor === undefined)
        return { major, minor: '0', patch: '0', kind, pre };
    const oldLanguage = patch === undefined && kind === '' && compareNumbers(minor, '21') < 0;
    return { major, minor, patch: oldLanguage ? '0' : (patch ?? ''), kind, pre };
}
// Decimal strings, "" the least (a missing part).
function compareNumbers(x, y) {
    if (x === y)
        return 0;
    if (x.length !== y.length)
        return x.length < y.length ? -1 : 1;
    return x < y ? -1 : 1;
}
/** gover.Compare: -1, 0 or 1; a malformed version is less than any valid one. */
function compareGo(x, y) {
    const a = parse(x);
    const b = parse(y);
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    return (compareNumbers(a.major, b.major) ||
        compareNumbers(a.minor, b.minor) ||
        compareNumbers(a.patch, b.patch) ||
        (a.kind === b.kind ? 0 : a.kind < b.kind ? -1 : 1) ||
        compareNumbers(a.pre, b.pre));
}
/** gover.IsValid. */
function isValidGo(x) {
    return parse(x) !== undefined;
}
/** gover.IsLang: a language version ("1.22"), not a release ("1.22.0", "1.22rc1"). */
function isLanguageVersion(x) {
    const v = parse(x);
    return v !== undefined && v.patch === '' && v.kind === '' && v.pre === '';
}
/**
 * gover.FromToolchain: the version a toolchain name stands for ("go1.21.1-corp" → "1.21.1"),
 * '' when the name is not one the go command can run.
 */
function versionOfToolchain(name) {
    if (/[\\/]/.test(name) || !name.startsWith('go'))
        return '';
    const version = name.slice(2).split(/[ \t-]/, 1)[0];
    return isValidGo(version) ? version : '';
}

;// CONCATENATED MODULE: ./src/goenv/gotoolchain.ts
/**
 * GOTOOLCHAIN, read as cmd/go/internal/toolchain (select.go) reads it: `local`, `auto`, `path`, a
 * toolchain name, or `<name|local>+auto` / `+path`. It decides which toolchain the go command
 * downloads: none with `local` or `path`, the one it names, or, with `auto`, what go.mod asks
 * for when that is newer than its minimum.
 */


/**
 * Parses GOTOOLCHAIN; unset (no Go found to read its go.env) is Go's own default, `auto`.
 * Throws GoEnvError, in Go's words, on a value the go command refuses.
 */
function parseGotoolchain(value) {
    if (!value || value === 'auto')
        return { mode: 'auto' };
    if (value === 'path')
        return { mode: 'path' };
    const [min, suffix] = value.split(/\+(.*)/s, 2);
    const plus = suffix !== undefined;
    if (min !== 'local' && versionOfToolchain(min) === '') {
        const why = plus ? `: invalid minimum toolchain ${JSON.stringify(min)}` : '';
        throw new errors/* GoEnvError */.O(`invalid GOTOOLCHAIN ${JSON.stringify(value)}${why}`);
    }
    if (plus && suffix !== 'auto' && suffix !== 'path') {
        throw new errors/* GoEnvError */.O(`invalid GOTOOLCHAIN ${JSON.stringify(value)}: only version suffixes are +auto and +path`);
    }
    const mode = suffix === 'auto' || suffix === 'path' ? suffix : 'fixed';
    return min === 'local' ? { mode } : { min, mode };
}

// EXTERNAL MODULE: ./src/credentials/mask.ts
var mask = __nccwpck_require__(7380);
;// CONCATENATED MODULE: ./src/config/errors.ts

/** A bad input value: names the input and the value (passwords masked), and why it is wrong. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, value, reason) {
        // The reason may quote the value too (a URL parser's message): mask the whole message.
        super((0,mask/* maskCredentialsLoosely */.Q6)(`Invalid input '${input}': ${JSON.stringify(value)} ${reason}`));
        this.input = input;
    }
}
/**
 * Runs a parser and turns its error into an InputError for `input`. A value that holds
 * credentials gets a reason of our own: the parser's would quote pieces of the password.
 */
function forInput(input, value, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof InputError)
            throw err;
        const reason = (0,mask/* maskCredentialsLoosely */.Q6)(value) === value
            ? `is not valid: ${err.message}`
            : 'is not valid: a URL with credentials that cannot be parsed — percent-encode special characters of the user name and password ("/" as %2F, "#" as %23, "@" as %40)';
        throw new InputError(input, value, reason);
    }
}

;// CONCATENATED MODULE: ./src/config/glob.ts
// File patterns for `go-sum`: '/'-separated elements, each matched by Go's path.Match (`*`, `?`,
// `[a-z]`, `\` escapes; never across '/'), plus `**` as a whole element for any number of
// directories. A Go user reads them as Go reads GOPRIVATE, and no dependency is needed.

/** Whether an item of `go-sum` is a pattern rather than a path. */
function isGlob(item) {
    return /[*?[]/.test(item);
}
/**
 * Compiles a pattern relative to the working directory; throws Error with the reason when it is
 * absolute, leaves the directory (`..`) or has a malformed element.
 */
function compileGlob(pattern) {
    if (pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern)) {
        throw new Error('is a pattern, so it must be relative to working-directory');
    }
    const elements = [];
    for (const element of pattern.split('/')) {
        if (element === '' || element === '.')
            continue;
        if (element === '..')
            throw new Error('is a pattern, so it must stay under working-directory');
        // Consecutive `**` mean the same as one.
        if (element === '**' && elements.at(-1) === '**')
            continue;
        if (element !== '**' && goPathMatch(element, '') === BAD_PATTERN) {
            throw new Error(`is not a valid pattern: ${JSON.stringify(element)} is malformed`);
        }
        elements.push(element);
    }
    if (elements.length === 0 || elements.at(-1) === '**') {
        throw new Error('is not a valid pattern: it must end in a file name pattern such as go.sum');
    }
    return { pattern, elements };
}
/**
 * Whether the elements of a relative path match the glob: the whole path, or with `prefix`, a
 * directory some file below which could match (so a walk can skip the others).
 */
function matchElements(glob, path, prefix) {
    const p = glob.elements;
    // can[i][j]: p[i:] matches path[j:]; filled from the ends backwards.
    const can = Array.from({ length: p.length + 1 }, () => new Array(path.length + 1));
    for (let i = p.length; i >= 0; i--) {
        for (let j = path.length; j >= 0; j--) {
            if (i === p.length)
                can[i][j] = j === path.length;
            // A pattern never ends in `**`, so a rest of it needs more elements.
            else if (j === path.length)
                can[i][j] = prefix;
            else if (p[i] === '**')
                can[i][j] = can[i + 1][j] || can[i][j + 1];
            else
                can[i][j] = can[i + 1][j + 1] && goPathMatch(p[i], path[j]) === true;
        }
    }
    return can[0][0];
}
/** Whether a file's path relative to the working directory ('/'-separated) matches. */
function globMatches(glob, relativePath) {
    return matchElements(glob, relativePath.split('/'), false);
}
/** Whether a file under this directory (relative, '/'-separated; '' for the root) could match. */
function globMayMatchUnder(glob, relativeDir) {
    return matchElements(glob, relativeDir === '' ? [] : relativeDir.split('/'), true);
}

;// CONCATENATED MODULE: ./src/config/go-sum.ts
// The `go-sum` and `working-directory` inputs, checked before anything is read from disk.




const WORDS = ['auto', 'none'];
/**
 * Parses `go-sum`: empty or `auto`, `none`, or paths and patterns separated by newlines or commas
 * (a path may hold spaces). Throws InputError on a malformed pattern, one that is absolute or
 * leaves the working directory, or `auto`/`none` inside a list.
 */
function parseGoSumInput(text) {
    const items = (text ?? '')
        .split(/[\n,]/)
        .map(item => item.trim())
        .filter(Boolean);
    if (items.length === 0 || (items.length === 1 && items[0] === 'auto'))
        return { kind: 'auto' };
    if (items.length === 1 && items[0] === 'none')
        return { kind: 'none' };
    return {
        kind: 'listed',
        items: items.map(item => {
            if (WORDS.includes(item)) {
                throw new InputError(constants/* Inputs */.G0.GoSum, text ?? '', `lists ${item}, which stands alone`);
            }
            if (!isGlob(item))
                return { kind: 'path', path: item };
            try {
                return { kind: 'glob', glob: compileGlob(item) };
            }
            catch (err) {
                throw new InputError(constants/* Inputs */.G0.GoSum, item, err.message);
            }
        })
    };
}
/**
 * The directory the build is looked for in: `working-directory` resolved against the job's
 * workspace (GITHUB_WORKSPACE), else against the current directory; either of them when empty.
 */
function resolveWorkingDirectory(input, env, cwd) {
    const base = (0,external_node_path_namespaceObject.resolve)(cwd, env.GITHUB_WORKSPACE?.trim() || '.');
    return (0,external_node_path_namespaceObject.resolve)(base, input?.trim() || '.');
}

;// CONCATENATED MODULE: ./src/credentials/redact.ts
// Credentials in proxy URLs: shown only redacted, sent only as Basic auth.


/**
 * Go's URL.Redacted (`https://user:xxxxx@host/path`), but a user name alone (or with an empty
 * password) is masked whole: `https://xxxxx@host`. Never throws, and never shows a credential:
 * text Go cannot parse, or where Go finds none but the text still holds `//user:pass@` (a list
 * pasted as one URL, a '?' in a password), has every such credential masked too.
 */
function redactUrl(url) {
    const parsed = (0,gostd_url/* tryParseGoUrl */.cT)(url);
    if (parsed === undefined)
        return (0,mask/* maskCredentials */.Bs)(url);
    // A user name with no password, or an empty one, is the credential Go sends: masked whole.
    const nameOnly = !!parsed.user?.username && !parsed.user.password;
    return (0,mask/* maskCredentials */.Bs)(nameOnly ? (0,gostd_url/* formatGoUrl */.Dr)({ ...parsed, user: { username: 'xxxxx' } }) : (0,gostd_url/* redactedGoUrl */.G0)(parsed));
}
/** The decoded user name and password that Go would send as Basic auth (password '' if none). */
function credentialsOf(url) {
    const user = (0,gostd_url/* tryParseGoUrl */.cT)(url)?.user;
    if (user === undefined)
        return undefined;
    return { username: user.username, password: user.password ?? '' };
}
/**
 * The URL as Go prints it without its user information, for building requests; never throws.
 * Not a redaction of arbitrary text (the path is kept as it is): show URLs with redactUrl.
 */
function stripCredentials(url) {
    const parsed = (0,gostd_url/* tryParseGoUrl */.cT)(url);
    return parsed === undefined ? (0,mask/* stripUserinfo */._H)(url) : (0,gostd_url/* formatGoUrl */.Dr)({ ...parsed, user: undefined });
}
/** GOSUMDB with the credentials of its URL field removed: for cache keys and cache entries. */
function gosumdbWithoutCredentials(gosumdb) {
    const [name, ...url] = gosumdb.trim().split(/\s+/);
    return [name, ...url.map(stripCredentials)].join(' ');
}

;// CONCATENATED MODULE: ./src/gostd/filepath.ts
// Local paths as the go command sees them on the runner's platform: whether a GOPROXY entry
// is an absolute path (Go then adds no "https://"), and which directory a file:// proxy names.

function pathStyleOf(platform) {
    return platform === 'win32' ? 'windows' : 'posix';
}
const isSeparator = (c) => c === '/' || c === '\\';
// Length of a UNC volume: up to the second separator after the prefix (host and share).
function uncLength(path, prefixLength) {
    let count = 0;
    for (let i = prefixLength; i < path.length; i++) {
        if (isSeparator(path[i]) && ++count === 2)
            return i;
    }
    return path.length;
}
// Case-insensitive prefix test where either slash matches a separator, and the prefix must end
// at a separator or the end of the path.
function hasPrefixFold(path, prefix) {
    if (path.length < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++) {
        const same = isSeparator(prefix[i])
            ? isSeparator(path[i])
            : prefix[i].toUpperCase() === path[i].toUpperCase();
        if (!same)
            return false;
    }
    return path.length === prefix.length || isSeparator(path[prefix.length]);
}
// filepath.VolumeName's length on Windows: "C:", \\host\share, \\.\device, \\?\…, \??\….
function windowsVolumeLength(path) {
    if (path.length >= 2 && path[1] === ':')
        return 2;
    if (!isSeparator(path[0]))
        return 0;
    if (hasPrefixFold(path, '\\\\.\\UNC'))
        return uncLength(path, 8);
    if (['\\\\.', '\\\\?', '\\??'].some(prefix => hasPrefixFold(path, prefix))) {
        if (path.length === 3)
            return 3;
        const separator = [...path.slice(4)].findIndex(c => isSeparator(c));
        return separator < 0 ? path.length : 4 + separator;
    }
    if (isSeparator(path[1]))
        return uncLength(path, 2);
    return 0;
}
/** filepath.IsAbs for the style. */
function isAbsolutePath(path, style) {
    if (style === 'posix')
        return path.startsWith('/');
    const volume = windowsVolumeLength(path);
    if (volume === 0)
        return false;
    if (isSeparator(path[0]) && isSeparator(path[1]))
        return true;
    return isSeparator(path[volume]);
}
/**
 * The directory that a file:// proxy with this (decoded) URL path reads from. Go appends
 * "/<module>/@v/…" before it converts the URL, so "file://" means the root directory and
 * "file:///C:" means C:\ on Windows. Throws where every fetch from it would fail.
 */
function fileProxyDirectory(urlPath, style) {
    const dir = urlPath.replace(/\/+$/, '') + '/';
    if (style === 'posix')
        return dir === '/' ? dir : dir.slice(0, -1);
    const local = dir.slice(1).replaceAll('/', '\\');
    const volume = windowsVolumeLength(local);
    if (volume === 0 || local.startsWith('\\\\')) {
        throw new errors/* GoEnvError */.O(`file URL missing drive letter: ${urlPath}`);
    }
    if (!isAbsolutePath(local, style))
        throw new errors/* GoEnvError */.O(`path is not absolute: ${local}`);
    return local.length === volume + 1 ? local : local.slice(0, -1);
}

;// CONCATENATED MODULE: ./src/goenv/proxylist.ts
// GOPROXY, read as the go command reads it (cmd/go/internal/modfetch/proxy.go: proxyList and
// the URL checks of newProxyRepo).




/** A proxy to probe (http, https or file), as opposed to `direct` or `off`. */
function isProxyEntry(entry) {
    return entry.kind === 'proxy' || entry.kind === 'file';
}
/** The entry's text in a GOPROXY list: 'direct', 'off' or the URL. */
function entryText(entry) {
    return entry.kind === 'direct' || entry.kind === 'off' ? entry.kind : entry.url;
}
// Single words are reserved for built-in behaviours (and Go rejects the unknown ones as URLs
// without a scheme); a complete URL or an absolute path is kept; anything else is a bare host.
function withImpliedScheme(text, style) {
    const bareHost = /[.:/]/.test(text) &&
        !text.includes(':/') &&
        !isAbsolutePath(text, style) &&
        !isAbsolutePath(text, 'posix');
    return bareHost ? `https://${text}` : text;
}
// A file:// proxy URL holds only a path: no host (not even localhost), user, query or fragment,
// and not the host-less form "file:/x".
function isPathOnly(url) {
    const { opaque, user, host, rawQuery, forceQuery, fragment, omitHost } = url;
    return (opaque === '' &&
        user === undefined &&
        host === '' &&
        rawQuery === '' &&
        !forceQuery &&
        fragment === '' &&
        !omitHost);
}
function parseProxyUrl(text, fallBackOnError, style) {
    const url = withImpliedScheme(text, style);
    const parsed = (0,gostd_url/* parseGoUrl */.P)(url);
    switch (parsed.scheme) {
        case 'http':
        case 'https':
            return { kind: 'proxy', url, fallBackOnError };
        case 'file': {
            if (!isPathOnly(parsed)) {
                throw new errors/* GoEnvError */.O(`invalid file:// proxy URL with non-path elements: ${(0,gostd_url/* redactedGoUrl */.G0)(parsed)}`);
            }
            return { kind: 'file', url, path: fileProxyDirectory(parsed.path, style), fallBackOnError };
        }
        case '':
            throw new errors/* GoEnvError */.O(`invalid proxy URL missing scheme: ${(0,gostd_url/* redactedGoUrl */.G0)(parsed)}`);
        default:
            throw new errors/* GoEnvError */.O(`invalid proxy URL scheme (must be https, http, file): ${(0,gostd_url/* redactedGoUrl */.G0)(parsed)}`);
    }
}
/**
 * Parses a non-empty GOPROXY value into its entries, or throws GoEnvError with Go's message.
 * The empty value is not a list: Go reads it as its default, which the caller must substitute.
 */
function parseProxyList(value, options = {}) {
    if (value === '') {
        throw new errors/* GoEnvError */.O('GOPROXY is empty: Go reads an empty GOPROXY as its default (https://proxy.golang.org,direct), not as a list');
    }
    const style = pathStyleOf(options.platform ?? 'linux');
    const entries = [];
    // Texts at even indexes, each followed by its separator.
    const parts = value.split(/([,|])/);
    for (let i = 0; i < parts.length; i += 2) {
        const text = (0,strings/* trimSpace */.Pd)(parts[i]);
        if (text === '')
            continue;
        if (text === 'direct' || text === 'off') {
            entries.push({ kind: text, fallBackOnError: false });
            break;
        }
        entries.push(parseProxyUrl(text, parts[i + 1] === '|', style));
    }
    if (entries.length === 0) {
        throw new errors/* GoEnvError */.O('GOPROXY list is not the empty string, but contains no entries');
    }
    return entries;
}
/**
 * Writes entries back as a GOPROXY value, each followed by its own separator; the separator
 * after the last entry means nothing to Go and is left out. Throws on an empty list: an empty
 * GOPROXY would mean Go's default, not "none".
 */
function formatProxyList(entries) {
    if (entries.length === 0) {
        throw new errors/* GoEnvError */.O('cannot write an empty GOPROXY list: Go would read it as its default');
    }
    return entries
        .map((entry, i) => {
        const last = i === entries.length - 1;
        return last ? entryText(entry) : entryText(entry) + (entry.fallBackOnError ? '|' : ',');
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/config/candidates.ts




/**
 * Reads a GOPROXY-syntax value (the `proxies` or `mirrors` input, or $GOPROXY) into candidates.
 * In an input, newlines count as `,` so a YAML block list works; $GOPROXY is read as Go reads it.
 * Credentials over http are refused, as the go command refuses them.
 */
function parseCandidates({ name, text: value, fromEnv }, role, platform) {
    const text = fromEnv ? value : value.replace(/\r?\n/g, ',');
    const entries = forInput(name, value, () => parseProxyList(text, { platform }));
    const idPrefix = role === 'primary' ? constants/* Inputs */.G0.Proxies : constants/* Inputs */.G0.Mirrors;
    return entries.map((entry, index) => {
        refuseInsecureCredentials(name, value, entry);
        return { id: `${idPrefix}[${index}]`, role, entry, display: displayOf(entry) };
    });
}
function refuseInsecureCredentials(input, value, entry) {
    if (entry.kind !== 'proxy' || !credentialsOf(entry.url))
        return;
    if (!entry.url.toLowerCase().startsWith('https:')) {
        throw new InputError(input, value, `has credentials in an http:// URL (${redactUrl(entry.url)}); the go command refuses to send credentials to an insecure URL — use https://`);
    }
}
function displayOf(entry) {
    return redactUrl(entryText(entry));
}

;// CONCATENATED MODULE: ./src/config/network.ts
// What of the job's environment shapes every request besides the inputs: which CAs are trusted,
// which forward proxy carries a request, the TLS that GODEBUG allows, the runner's OS (its trust
// store). A verdict reached under one of these is not one for another (see the verdict cache).


const TRUST = ['SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS'];
const PROXIES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
const NO_PROXY = ['NO_PROXY', 'no_proxy'];
/** A canonical text of those settings, the forward proxies' credentials left out. */
function networkScope(env, platform) {
    const pick = (names, show = (v) => v) => names.map(name => [name, env[name] === undefined ? null : show(env[name])]);
    return JSON.stringify([
        platform,
        ...pick(TRUST),
        ...pick(PROXIES, stripCredentials),
        ...pick(NO_PROXY),
        ...pick([constants/* GODEBUG */.Kl])
    ]);
}

;// CONCATENATED MODULE: ./src/xmod/pathelements.ts
// The element rules of golang.org/x/mod/module (checkPath and checkElem): what may stand
// between the slashes of a module path, and what a version (checked as a file name) may hold.
// Each function returns Go's reason for rejecting, or undefined when the text is fine.

const WINDOWS_RESERVED = new Set([
    'CON',
    'PRN',
    'AUX',
    'NUL',
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap(n => [`COM${n}`, `LPT${n}`])
]);
// Module paths: ASCII letters, digits and - . _ ~. File names add some punctuation, spaces and
// non-ASCII letters.
function isAllowed(c, kind) {
    if (kind === 'module')
        return /^[-._~0-9A-Za-z]$/.test(c);
    return /^[0-9A-Za-z!#$%&()+,\-.=@[\]^_{}~ ]$/.test(c) || (c >= '\x80' && /^\p{L}$/u.test(c));
}
function checkElement(elem, kind) {
    if (elem === '')
        return 'empty path element';
    if (/^\.+$/.test(elem))
        return `invalid path element ${(0,strings/* quote */.hD)(elem)}`;
    if (elem.startsWith('.') && kind === 'module')
        return 'leading dot in path element';
    if (elem.endsWith('.'))
        return 'trailing dot in path element';
    const bad = [...elem].find(c => !isAllowed(c, kind));
    if (bad !== undefined)
        return `invalid char ${(0,strings/* quoteRune */.Zx)(bad)}`;
    // Windows refuses these names, with any extension.
    const short = elem.split('.')[0];
    if (WINDOWS_RESERVED.has(short.toUpperCase())) {
        return `${(0,strings/* quote */.hD)(short)} disallowed as path element component on Windows`;
    }
    // Names like "PROGRA~1" look like Windows short names, which could alias another path.
    if (kind === 'module' && /~[0-9]+$/.test(short)) {
        return 'trailing tilde and digits in path element';
    }
    return undefined;
}
/** checkPath for a module path: the whole-path rules, then every element. */
function checkModuleElements(path) {
    // JS strings hold invalid UTF-8 as lone surrogates.
    if (/\p{Cs}/u.test(path))
        return 'invalid UTF-8';
    if (path === '')
        return 'empty string';
    if (path.startsWith('-'))
        return 'leading dash';
    if (path.includes('//'))
        return 'double slash';
    if (path.endsWith('/'))
        return 'trailing slash';
    for (const elem of path.split('/')) {
        const problem = checkElement(elem, 'module');
        if (problem !== undefined)
            return problem;
    }
    return undefined;
}
/** checkElem for one file-name element (how Go checks a version before escaping it). */
function pathelements_checkFileElement(elem) {
    return checkElement(elem, 'file');
}

;// CONCATENATED MODULE: ./src/xmod/semver.ts
// Semantic versions as Go modules use them (golang.org/x/mod/semver and module/pseudo.go):
// a leading "v", and the shorthands vMAJOR and vMAJOR.MINOR.
const semver_NUMBER = '0|[1-9][0-9]*';
const IDENT = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(`^v(${semver_NUMBER})(?:\\.(${semver_NUMBER})(?:\\.(${semver_NUMBER})(-${IDENT}(?:\\.${IDENT})*)?(\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`);
// A numeric prerelease identifier may not have a leading zero.
const BAD_NUMERIC_IDENT = /^0[0-9]+$/;
function semver_parse(v) {
    const m = SEMVER.exec(v);
    if (!m)
        return undefined;
    const [, major, minor, patch, prerelease = '', build = ''] = m;
    if (prerelease
        .slice(1)
        .split('.')
        .some(id => BAD_NUMERIC_IDENT.test(id)))
        return undefined;
    return {
        major,
        minor: minor ?? '0',
        patch: patch ?? '0',
        short: minor === undefined ? '.0.0' : patch === undefined ? '.0' : '',
        prerelease,
        build
    };
}
/** Whether v is a valid semantic version in Go's sense (e.g. v1.2.3-pre+build, v1.2, v1). */
function isValid(v) {
    return semver_parse(v) !== undefined;
}
/** The canonical form of v: shorthands completed, build metadata dropped; '' if invalid. */
function semver_canonical(v) {
    const p = semver_parse(v);
    if (!p)
        return '';
    if (p.build !== '')
        return v.slice(0, v.length - p.build.length);
    return v + p.short;
}
/** The major version prefix ("v2" of "v2.1.0"), or '' if invalid. */
function major(v) {
    const p = semver_parse(v);
    return p ? `v${p.major}` : '';
}
/** The prerelease suffix including its '-' ("-rc.1"), or '' if none or invalid. */
function prerelease(v) {
    return semver_parse(v)?.prerelease ?? '';
}
/** The build suffix including its '+' ("+incompatible"), or '' if none or invalid. */
function build(v) {
    return semver_parse(v)?.build ?? '';
}
// Decimal strings without leading zeros: the longer is larger.
function semver_compareNumbers(x, y) {
    if (x.length !== y.length)
        return x.length < y.length ? -1 : 1;
    return x === y ? 0 : x < y ? -1 : 1;
}
function compareIdentifiers(x, y) {
    const xNumeric = /^[0-9]+$/.test(x);
    const yNumeric = /^[0-9]+$/.test(y);
    if (xNumeric && yNumeric)
        return semver_compareNumbers(x, y);
    // Numeric identifiers sort before alphanumeric ones.
    if (xNumeric !== yNumeric)
        return xNumeric ? -1 : 1;
    return x === y ? 0 : x < y ? -1 : 1;
}
// A version without a prerelease is greater than one with; otherwise identifier by identifier,
// and a shorter list of equal identifiers sorts first.
function comparePrereleases(x, y) {
    if (x === y)
        return 0;
    if (x === '')
        return 1;
    if (y === '')
        return -1;
    const xs = x.slice(1).split('.');
    const ys = y.slice(1).split('.');
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const c = compareIdentifiers(xs[i], ys[i]);
        if (c !== 0)
            return c;
    }
    return xs.length < ys.length ? -1 : 1;
}
/**
 * Compares two versions: -1, 0 or 1. Build metadata is ignored; an invalid version is less
 * than every valid one and equal to every other invalid one.
 */
function compare(a, b) {
    const pa = semver_parse(a);
    const pb = semver_parse(b);
    if (!pa || !pb)
        return pa ? 1 : pb ? -1 : 0;
    return (semver_compareNumbers(pa.major, pb.major) ||
        semver_compareNumbers(pa.minor, pb.minor) ||
        semver_compareNumbers(pa.patch, pb.patch) ||
        comparePrereleases(pa.prerelease, pb.prerelease));
}
// module/pseudo.go: vX.0.0-yyyymmddhhmmss-abcdef123456, vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef123456
// and vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef123456, each with optional build metadata.
const PSEUDO = /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
/** Whether v is a pseudo-version (a version Go made up for an untagged commit). */
function isPseudoVersion(v) {
    return (v.match(/-/g) ?? []).length >= 2 && isValid(v) && PSEUDO.test(v);
}

;// CONCATENATED MODULE: ./src/xmod/module.ts
// Module paths and versions as golang.org/x/mod/module checks and escapes them for the proxy
// protocol (module.go: CheckPath, Check, EscapePath, EscapeVersion and their inverses).




/** Throws GoEnvError `malformed module path "<path>": <reason>` unless Go accepts the path. */
function checkModulePath(path) {
    const reason = modulePathProblem(path);
    if (reason !== undefined)
        throw new errors/* GoEnvError */.O(`malformed module path ${(0,strings/* quote */.hD)(path)}: ${reason}`);
}
function modulePathProblem(path) {
    const elementsProblem = checkModuleElements(path);
    if (elementsProblem !== undefined)
        return elementsProblem;
    const slash = path.indexOf('/');
    const first = slash < 0 ? path : path.slice(0, slash);
    if (first === '')
        return 'leading slash';
    if (!first.includes('.'))
        return 'missing dot in first path element';
    if (path.startsWith('-'))
        return 'leading dash in first path element';
    const bad = [...first].find(c => !/^[-.0-9a-z]$/.test(c));
    if (bad !== undefined)
        return `invalid char ${(0,strings/* quoteRune */.Zx)(bad)} in first path element`;
    if (splitPathVersion(path) === undefined)
        return 'invalid version';
    return undefined;
}
/**
 * SplitPathVersion: the path without its major-version suffix and the suffix ("/v2", or ".v1"
 * for gopkg.in); undefined when the suffix is malformed ("/v1", "/v0", "/v2.0", gopkg.in
 * paths without ".vN").
 */
function splitPathVersion(path) {
    if (path.startsWith('gopkg.in/')) {
        // Every gopkg.in path ends in .vN (optionally -unstable); .v0 is the only N led by a zero.
        const m = /^(.*)(\.v([0-9]*)(-unstable)?)$/s.exec(path);
        if (!m)
            return undefined;
        const [, prefix, pathMajor] = m;
        if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0'))
            return undefined;
        return { prefix, pathMajor };
    }
    const m = /^(.*)(\/v[0-9.]+)$/s.exec(path);
    if (!m)
        return { prefix: path, pathMajor: '' };
    const [, prefix, pathMajor] = m;
    if (pathMajor.includes('.') || pathMajor[2] === '0' || pathMajor === '/v1')
        return undefined;
    return { prefix, pathMajor };
}
// Why version does not fit the major-version suffix of its path (CheckPathMajor), if it does not.
function pathMajorMismatch(version, pathMajor) {
    const suffix = pathMajor.startsWith('.v') ? pathMajor.replace(/-unstable$/, '') : pathMajor;
    // An old bug made v0.0.0- pseudo-versions for gopkg.in .v1 paths; Go still accepts them.
    if (version.startsWith('v0.0.0-') && suffix === '.v1')
        return undefined;
    const m = major(version);
    if (suffix === '') {
        if (m === 'v0' || m === 'v1' || build(version) === '+incompatible')
            return undefined;
        return `should be v0 or v1, not ${m}`;
    }
    return m === suffix.slice(1) ? undefined : `should be ${suffix.slice(1)}, not ${m}`;
}
function versionProblem(path, version) {
    if (!isValid(version))
        return 'not a semantic version';
    const wanted = semver_canonical(version) + (build(version) === '+incompatible' ? '+incompatible' : '');
    if (version !== wanted)
        return `not canonical (canonical form: ${wanted})`;
    const pathMajor = splitPathVersion(path)?.pathMajor ?? '';
    const mismatch = pathMajorMismatch(version, pathMajor);
    if (mismatch !== undefined)
        return mismatch;
    const base = version.replace(/\+incompatible$/, '');
    if (base !== version && pathMajorMismatch(base, pathMajor) === undefined) {
        return `+incompatible suffix not allowed: major version ${major(version)} is compatible`;
    }
    return undefined;
}
/**
 * Throws GoEnvError `<path>@<version>: invalid version: <reason>` unless the path is valid and
 * the version is one a proxy may serve for it: canonical semver whose major version fits the
 * path's /vN (or gopkg.in .vN) suffix, with +incompatible only on v2+ of a path without one.
 */
function checkVersion(path, version) {
    checkModulePath(path);
    const reason = versionProblem(path, version);
    if (reason !== undefined)
        throw new errors/* GoEnvError */.O(`${path}@${version}: invalid version: ${reason}`);
}
// Upper-case letters become '!' + lower case, so escaped paths survive case-folding file systems.
function escapeString(s) {
    return s.replace(/[A-Z]/g, c => `!${c.toLowerCase()}`);
}
/** The path as it appears in proxy URLs and the module cache; throws on an invalid path. */
function escapePath(path) {
    checkModulePath(path);
    return escapeString(path);
}
/** The version as it appears in proxy URLs; throws on a version Go would not escape. */
function escapeVersion(version) {
    // Go's escaping also refuses the non-ASCII letters that file names may hold.
    const escapable = !version.includes('!') && [...version].every(c => c < '\x80');
    if (pathelements_checkFileElement(version) !== undefined || !escapable) {
        throw new errors/* GoEnvError */.O(`version ${(0,strings/* quote */.hD)(version)} invalid: disallowed version string`);
    }
    return escapeString(version);
}
// The inverse of escapeString; undefined for upper case, a '!' not before a-z, or non-ASCII.
function unescapeString(escaped) {
    if ([...escaped].some(c => c > '\x7f') || /[A-Z]|!(?![a-z])/.test(escaped))
        return undefined;
    return escaped.replace(/!([a-z])/g, (_, c) => c.toUpperCase());
}
/** The module path an escaped path stands for; throws on a bad escape or an invalid result. */
function unescapePath(escaped) {
    const path = unescapeString(escaped);
    if (path === undefined)
        throw new GoEnvError(`invalid escaped module path ${quote(escaped)}`);
    const reason = modulePathProblem(path);
    if (reason !== undefined) {
        throw new GoEnvError(`invalid escaped module path ${quote(escaped)}: malformed module path ${quote(path)}: ${reason}`);
    }
    return path;
}
/** The version an escaped version stands for; throws on a bad escape or an invalid result. */
function unescapeVersion(escaped) {
    const version = unescapeString(escaped);
    if (version === undefined)
        throw new GoEnvError(`invalid escaped version ${quote(escaped)}`);
    const reason = checkFileElement(version);
    if (reason !== undefined) {
        throw new GoEnvError(`invalid escaped version ${quote(version)}: ${reason}`);
    }
    return version;
}

;// CONCATENATED MODULE: ./src/config/values.ts
/** Parsers for scalar inputs; each error names the input and the value. */

function parseInteger(input, value, min, max) {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new InputError(input, value, `must be a whole number from ${min} to ${max}`);
    }
    return n;
}
function parseRatio(input, value) {
    const n = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
    if (!(n > 0 && n <= 1))
        throw new InputError(input, value, 'must be a number above 0 and at most 1');
    return n;
}
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * A duration such as `90s`, `10m`, `1h`, `1m30s` or `500ms`; a bare number is in `bareUnit`.
 * Returns milliseconds.
 */
function parseDuration(input, value, bareUnit, maxMs, allowZero = false) {
    const text = value.trim();
    let ms;
    if (/^(\d+(\.\d*)?|\.\d+)$/.test(text)) {
        ms = Number(text) * UNITS[bareUnit];
    }
    else if (/^((\d+(\.\d*)?|\.\d+)(ms|s|m|h))+$/.test(text)) {
        ms = 0;
        for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d*)?|\.\d+)(ms|s|m|h)/g)) {
            ms += Number(amount) * UNITS[unit];
        }
    }
    else {
        throw new InputError(input, value, 'is not a duration (examples: 10, 90s, 10m, 1h)');
    }
    // Checked after rounding to whole milliseconds, so "0.1ms" cannot become a zero timeout.
    const rounded = Math.round(ms);
    if ((!allowZero && rounded <= 0) || ms > maxMs || !Number.isFinite(ms)) {
        throw new InputError(input, value, `must be ${allowZero ? 'at least 0' : 'at least 1 ms'} and at most ${maxMs / 1000} s`);
    }
    return rounded;
}
function parseBoolean(input, value) {
    const text = value.trim().toLowerCase();
    if (text === 'true')
        return true;
    if (text === 'false')
        return false;
    throw new InputError(input, value, 'must be true or false');
}
function parseChoice(input, value, choices) {
    const text = value.trim();
    if (!choices.includes(text))
        throw new InputError(input, value, `must be one of: ${choices.join(', ')}`);
    return text;
}
/** Splits a list input at newlines, commas or spaces, dropping empty items. */
function splitList(value) {
    return value.split(/[\s,]+/).filter(Boolean);
}

;// CONCATENATED MODULE: ./src/config/modules.ts



/** `path@version` (pinned) or `path` / `path@latest`, separated by newlines, commas or spaces. */
function parseProbeModules(input, value) {
    const items = splitList(value);
    if (items.length === 0)
        throw new InputError(input, value, 'names no module');
    return items.map(text => {
        const at = text.indexOf('@');
        const path = at < 0 ? text : text.slice(0, at);
        const version = at < 0 ? 'latest' : text.slice(at + 1);
        try {
            checkModulePath(path);
            if (version !== 'latest')
                checkVersion(path, version);
        }
        catch (err) {
            throw new InputError(input, text, `is not a module path@version: ${err.message}`);
        }
        return { path, version, text };
    });
}

;// CONCATENATED MODULE: ./src/logger.ts
/**
 * `value` (JSON data) with every string in it masked, keys and structure untouched, so it stays
 * the same shape: a short secret masks characters of other words, as the runner does in the log,
 * but never breaks the JSON.
 */
function maskValues(value, mask) {
    if (typeof value === 'string')
        return mask(value);
    if (Array.isArray(value))
        return value.map(v => maskValues(v, mask));
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValues(v, mask)]));
}
/** The logger with `defaults` under each line's own fields: names the action of a component's lines. */
function withFields(log, defaults) {
    return {
        debug: (m, fields) => log.debug(m, { ...defaults, ...fields }),
        info: (m, fields) => log.info(m, { ...defaults, ...fields }),
        warning: (m, fields) => log.warning(m, { ...defaults, ...fields })
    };
}
/** An error's message for a log line. Duck-typed: errors from Node built-ins may come from another realm (jest). */
function messageOf(err) {
    const message = err?.message;
    return typeof message === 'string' ? message : String(err);
}

;// CONCATENATED MODULE: ./src/config/profiles.ts




/** The inputs a profile may set; each is joined into the input's own text syntax when a list. */
const PROFILE_KEYS = {
    proxies: { input: constants/* Inputs */.G0.Proxies, listSeparator: ',' },
    mirrors: { input: constants/* Inputs */.G0.Mirrors, listSeparator: ',' },
    gosumdb: { input: constants/* Inputs */.G0.Gosumdb },
    'sumdb-mirrors': { input: constants/* Inputs */.G0.SumdbMirrors, listSeparator: '\n' },
    goprivate: { input: constants/* Inputs */.G0.Goprivate },
    gonoproxy: { input: constants/* Inputs */.G0.Gonoproxy },
    gonosumdb: { input: constants/* Inputs */.G0.Gonosumdb }
};
/**
 * The yaml package when `profiles` is given, else undefined: it is most of the code that reads
 * the inputs, and a run without profiles (or with a bad input) should not load it.
 */
async function loadYaml(raw) {
    if (profilesDocument(raw) === undefined)
        return undefined;
    // A chunk of the bundle of its own: a partial install fails here, naming what is missing.
    return __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19)).catch((err) => {
        throw new Error(`cannot load the YAML reader: ${messageOf(err)}`);
    });
}
/** The entry used when `profile` names no entry (or is empty). */
const DEFAULT_PROFILE = 'default';
/**
 * Applies the profile `profile` names from the `profiles` document: its values fill the inputs
 * left empty (an input given explicitly wins). `profile` is the name to report: the chosen name,
 * or `name (default)` when the `default` entry stood in for `name`.
 */
function applyProfile(raw, yaml) {
    const document = profilesDocument(raw);
    const wanted = raw[constants/* Inputs */.G0.Profile]?.trim() ?? '';
    if (document === undefined) {
        if (wanted) {
            const reason = 'is set but `profiles` is empty: there is no profile to choose';
            throw new InputError(constants/* Inputs */.G0.Profile, wanted, reason);
        }
        return { raw };
    }
    if (!yaml)
        throw new Error('reading the profiles input needs the yaml package (see loadYaml)');
    const table = parseProfiles(document, yaml);
    const { name, profile } = chooseProfile(table, wanted);
    const values = profileInputs(name, profile);
    const merged = { ...raw };
    for (const [input, value] of Object.entries(values)) {
        if (!raw[input]?.trim())
            merged[input] = value;
    }
    return {
        raw: merged,
        profile: name === wanted || !wanted ? name : `${wanted} (${DEFAULT_PROFILE})`
    };
}
function profilesDocument(raw) {
    return raw[constants/* Inputs */.G0.Profiles]?.trim() ? raw[constants/* Inputs */.G0.Profiles] : undefined;
}
/** The document as a mapping of profile names; YAML merge keys (`<<: *base`) are honoured. */
function parseProfiles(text, yaml) {
    const doc = yaml.parseDocument(text, { prettyErrors: false, merge: true, uniqueKeys: true });
    const [error] = doc.errors;
    if (error) {
        const { line, where } = errorPlace(text, error.pos[0]);
        throw new InputError(constants/* Inputs */.G0.Profiles, line, `is not valid YAML (${where}): ${error.message}`);
    }
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (err) {
        throw new InputError(constants/* Inputs */.G0.Profiles, excerpt(text), `cannot be read: ${err.message}`);
    }
    if (!isMapping(value)) {
        throw new InputError(constants/* Inputs */.G0.Profiles, excerpt(text), `is ${kindOf(value)}, not a mapping of profile names to profiles`);
    }
    return value;
}
function chooseProfile(table, wanted) {
    if (wanted && Object.hasOwn(table, wanted))
        return { name: wanted, profile: table[wanted] };
    if (Object.hasOwn(table, DEFAULT_PROFILE)) {
        return { name: DEFAULT_PROFILE, profile: table[DEFAULT_PROFILE] };
    }
    const known = Object.keys(table).map(quoted).join(', ') || 'none';
    if (!wanted) {
        throw new InputError(constants/* Inputs */.G0.Profile, '', `is empty and \`profiles\` has no \`${DEFAULT_PROFILE}\` entry: choose one with \`profile\` (known profiles: ${known})`);
    }
    throw new InputError(constants/* Inputs */.G0.Profile, wanted, `is not in \`profiles\` and there is no \`${DEFAULT_PROFILE}\` entry (known profiles: ${known})`);
}
/** The profile's values as input text; a profile written as nothing (`dev:`) sets nothing. */
function profileInputs(name, profile) {
    if (profile === null)
        return {};
    if (!isMapping(profile)) {
        throw new InputError(constants/* Inputs */.G0.Profiles, name, `is ${kindOf(profile)}; a profile must be a mapping of ${keyList()}`);
    }
    const values = {};
    for (const [key, value] of Object.entries(profile)) {
        const spec = Object.hasOwn(PROFILE_KEYS, key) ? PROFILE_KEYS[key] : undefined;
        if (!spec) {
            const reason = `in profile ${quoted(name)} is not a key a profile may set (use ${keyList()})`;
            throw new InputError(constants/* Inputs */.G0.Profiles, key, reason);
        }
        values[spec.input] = valueText(name, key, value, spec.listSeparator);
    }
    return values;
}
function valueText(name, key, value, listSeparator) {
    if (typeof value === 'string')
        return value;
    if (listSeparator !== undefined &&
        Array.isArray(value) &&
        value.every(item => typeof item === 'string')) {
        return value.join(listSeparator);
    }
    const allowed = listSeparator === undefined ? 'a string' : 'a string or a list of strings';
    throw new InputError(constants/* Inputs */.G0.Profiles, key, `in profile ${quoted(name)} must be ${allowed}, not ${kindOf(value)}`);
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** What a value is, never the value itself (it may hold a password). */
function kindOf(value) {
    if (value === null || value === undefined)
        return 'empty';
    if (Array.isArray(value)) {
        return value.every(item => typeof item === 'string')
            ? 'a list of strings'
            : 'a list holding a non-string';
    }
    if (typeof value === 'object')
        return 'a mapping';
    return `a ${typeof value}`;
}
/** A profile name in a message; names are the user's text, so passwords in them are masked too. */
function quoted(name) {
    return JSON.stringify((0,mask/* maskCredentials */.Bs)(name));
}
function keyList() {
    return Object.keys(PROFILE_KEYS).join(', ');
}
/** The document's first line, to name the document in a message. */
function excerpt(text) {
    return profiles_cut(text.trim().split(/\r?\n/)[0], 60);
}
/** Where a syntax error is, and that line of the document (masked, cut) to show with it. */
function errorPlace(text, offset) {
    const before = text.slice(0, offset);
    if (!text.slice(offset).trim()) {
        // Only whitespace follows: the document ended too soon; its last line is the one to fix.
        return {
            line: profiles_cut(before.trimEnd().split(/\r?\n/).pop() ?? ''),
            where: 'at the end of the document'
        };
    }
    const start = before.lastIndexOf('\n') + 1;
    const end = text.indexOf('\n', offset);
    const line = text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
    return {
        line: profiles_cut(line),
        where: `line ${before.split('\n').length}, column ${offset - start + 1}`
    };
}
/** Masked before it is cut, so that a cut never leaves a password without its `@`. */
function profiles_cut(text, max = 80) {
    const masked = (0,mask/* maskCredentials */.Bs)(text.trim());
    return masked.length > max ? `${masked.slice(0, max)}…` : masked;
}

;// CONCATENATED MODULE: ./src/config/build.ts












/**
 * Validates every input and builds the plan; throws InputError on the first bad value. The chosen
 * profile fills the inputs left empty before anything else is read.
 */
function buildPlan(inputs, ctx) {
    const { raw, profile } = applyProfile(inputs, ctx.yaml);
    const value = name => (raw[name]?.trim() ? raw[name] : undefined);
    const probed = probing(value);
    return {
        ...sources(value, raw, ctx),
        ...probed,
        slowThresholdMs: slowThreshold(value, probed.timeoutMs),
        ...resilience(value, ctx),
        network: networkScope(ctx.env, ctx.platform),
        profile
    };
}
/** What to check: the candidates, the checksum database, the private patterns, the modules. */
function sources(value, raw, ctx) {
    const proxies = goSetting(value, ctx.env, constants/* Inputs */.G0.Proxies, constants/* GoEnv */.OB.Goproxy, constants/* GO_DEFAULT_GOPROXY */.cH);
    const mirrors = value(constants/* Inputs */.G0.Mirrors);
    const gosumdb = goSetting(value, ctx.env, constants/* Inputs */.G0.Gosumdb, constants/* GoEnv */.OB.Gosumdb, constants/* GO_DEFAULT_GOSUMDB */.lw);
    const modules = value(constants/* Inputs */.G0.ProbeModules) ?? constants/* DEFAULT_PROBE_MODULES */.tK.join('\n');
    return {
        candidates: [
            ...parseCandidates(proxies, 'primary', ctx.platform),
            ...(mirrors
                ? parseCandidates({ name: constants/* Inputs */.G0.Mirrors, text: mirrors, fromEnv: false }, 'mirror', ctx.platform)
                : [])
        ],
        gosumdb: forInput(gosumdb.name, gosumdb.text, () => parseGosumdb(gosumdb.fromEnv ? gosumdb.text : gosumdb.text.trim())),
        sumdbMirrors: parseSumdbMirrors(value(constants/* Inputs */.G0.SumdbMirrors)),
        patterns: patterns(raw, ctx.env),
        modules: parseProbeModules(constants/* Inputs */.G0.ProbeModules, modules),
        build: {
            goSum: parseGoSumInput(value(constants/* Inputs */.G0.GoSum)),
            workingDirectory: resolveWorkingDirectory(value(constants/* Inputs */.G0.WorkingDirectory), ctx.env, ctx.cwd ?? process.cwd()),
            gowork: ctx.env.GOWORK,
            platform: goPlatformOf(ctx.platform, ctx.arch ?? process.arch),
            goflags: ctx.env.GOFLAGS,
            toolchain: forInput('GOTOOLCHAIN', ctx.env.GOTOOLCHAIN ?? '', () => parseGotoolchain(ctx.env.GOTOOLCHAIN))
        }
    };
}
/** How to probe. */
function probing(value) {
    const choice = (name, fallback, choices) => parseChoice(name, value(name) ?? fallback, choices);
    return {
        checks: choice(constants/* Inputs */.G0.Checks, 'standard', ['quick', 'standard', 'full']),
        timeoutMs: parseDuration(constants/* Inputs */.G0.Timeout, value(constants/* Inputs */.G0.Timeout) ?? '10', 's', 600_000),
        retries: parseInteger(constants/* Inputs */.G0.Retries, value(constants/* Inputs */.G0.Retries) ?? '2', 0, 10),
        concurrency: parseInteger(constants/* Inputs */.G0.Concurrency, value(constants/* Inputs */.G0.Concurrency) ?? '8', 1, 256),
        strategy: choice(constants/* Inputs */.G0.Strategy, 'ordered', ['ordered', 'fastest']),
        onFailure: choice(constants/* Inputs */.G0.OnFailure, 'fail', ['fail', 'direct', 'keep']),
        failOn: choice(constants/* Inputs */.G0.FailOn, 'unusable', ['unusable', 'degraded'])
    };
}
/** What counts as slow: above 0 and at most the timeout (a slower request times out); default half of it. */
function slowThreshold(value, timeoutMs) {
    const text = value(constants/* Inputs */.G0.SlowThreshold);
    if (text === undefined)
        return timeoutMs / 2;
    const ms = parseDuration(constants/* Inputs */.G0.SlowThreshold, text, 's', 600_000);
    if (ms > timeoutMs) {
        const reason = `must be at most the timeout (${timeoutMs / 1000} s)`;
        throw new InputError(constants/* Inputs */.G0.SlowThreshold, text, reason);
    }
    return ms;
}
const HOUR_MS = 3_600_000;
/** The verdict cache and the breaker. */
function resilience(value, ctx) {
    const ttl = value(constants/* Inputs */.G0.CacheTtl) ?? '10m';
    const cooldown = value(constants/* Inputs */.G0.BreakerCooldown) ?? '60s';
    return {
        cache: {
            enabled: parseBoolean(constants/* Inputs */.G0.Cache, value(constants/* Inputs */.G0.Cache) ?? 'true'),
            ttlMs: parseDuration(constants/* Inputs */.G0.CacheTtl, ttl, 's', 7 * 24 * HOUR_MS, true),
            dir: value(constants/* Inputs */.G0.CacheDir)?.trim() ?? ctx.defaultCacheDir
        },
        breaker: {
            threshold: parseRatio(constants/* Inputs */.G0.BreakerThreshold, value(constants/* Inputs */.G0.BreakerThreshold) ?? '0.5'),
            cooldownMs: parseDuration(constants/* Inputs */.G0.BreakerCooldown, cooldown, 's', 24 * HOUR_MS)
        }
    };
}
/**
 * A Go setting from its input, else from the job's environment as the go command reads it (any
 * value but the empty string counts, unchanged: Go fails on `GOPROXY=" "` where it takes its
 * default for `GOPROXY=""`), else Go's default. Errors name where the value came from.
 */
function goSetting(value, env, input, variable, goDefault) {
    const given = value(input);
    if (given !== undefined)
        return { name: input, text: given, fromEnv: false };
    const inherited = env[variable];
    if (inherited)
        return { name: variable, text: inherited, fromEnv: true };
    return { name: input, text: goDefault, fromEnv: false };
}
/** GOPRIVATE and friends: input, else the job env; GONOPROXY/GONOSUMDB default to GOPRIVATE. */
function patterns(raw, env) {
    const pick = (input, variable) => {
        const [name, text] = raw[input] ? [input, raw[input]] : [variable, env[variable]];
        if (text !== undefined)
            forInput(name, text, () => checkPatterns(text));
        return text;
    };
    return resolvePrivatePatterns({
        goprivate: pick(constants/* Inputs */.G0.Goprivate, constants/* GoEnv */.OB.Goprivate) ?? '',
        gonoproxy: pick(constants/* Inputs */.G0.Gonoproxy, constants/* GoEnv */.OB.Gonoproxy),
        gonosumdb: pick(constants/* Inputs */.G0.Gonosumdb, constants/* GoEnv */.OB.Gonosumdb)
    });
}
/** Each mirror is exported as the URL field of a GOSUMDB, so Go's rules for that field apply. */
function parseSumdbMirrors(value) {
    const text = value ?? '';
    try {
        return splitList(text).map(url => forInput(constants/* Inputs */.G0.SumdbMirrors, url, () => checkSumdbUrl(url)));
    }
    catch (err) {
        // A password holding the ',' or space the list is split at leaves a piece of itself in an
        // item with no '@', whose error would quote it: the whole value is hidden to the last '@'.
        if (!/\/\/[^@]*[\s,][^@]*@/.test(text))
            throw err;
        const reason = 'is not valid: a URL with credentials that cannot be parsed — percent-encode special characters of the user name and password ("," as %2C, "/" as %2F, "@" as %40)';
        throw new InputError(constants/* Inputs */.G0.SumdbMirrors, text.replace(/\/\/.*@/s, '//xxxxx@'), reason);
    }
}

;// CONCATENATED MODULE: ./src/goenv/basic-auth.ts
// Its own module, with nothing to import: the input checks use it and load nothing more with it.
/** The credential of a Basic authorization (Request.SetBasicAuth): `user:password` in base64. */
function basicToken(username, password) {
    return Buffer.from(`${username}:${password}`).toString('base64');
}

;// CONCATENATED MODULE: ./src/config/secrets.ts


/** Tokens are longer than this; user names as short as `git` or `oauth2` are no secrets. */
const SHORTEST_NAME_SECRET = 8;
/**
 * Every credential the plan's URLs carry (proxies, mirrors, the GOSUMDB URL, sumdb mirrors), as
 * written and URL-encoded, so each face can mask them in everything it prints: each password,
 * or the user name where there is none (`https://TOKEN@host`), which is then the credential, when
 * it is at least as long as a token; and the Basic authorization each makes.
 */
function planSecrets(plan) {
    const urls = [
        ...plan.candidates.flatMap(c => (c.entry.kind === 'proxy' ? [c.entry.url] : [])),
        ...plan.sumdbMirrors,
        ...(plan.gosumdb.kind === 'db' && plan.gosumdb.url ? [plan.gosumdb.url] : [])
    ];
    return urls.flatMap(url => {
        const credentials = credentialsOf(url);
        const secret = credentials?.password || credentials?.username;
        if (!credentials || !secret)
            return [];
        // The Authorization header Go sends, which a server may quote back.
        const basic = basicToken(credentials.username, credentials.password);
        // The runner masks a secret everywhere in the job's log: a short name alone (`git@`) would
        // turn every "github" into "***hub". Shown URLs mask it all the same (see redactUrl).
        if (!credentials.password && secret.length < SHORTEST_NAME_SECRET)
            return [basic];
        // The exported value holds the secret as the URL spells it (`%2f` is not `%2F` to a mask).
        return [...new Set([secret, encodeURIComponent(secret), spelledSecret(url) ?? secret, basic])];
    });
}
// As Go parses a URL: the user info ends at the authority's last '@'; the password follows its
// first ':'. Without a password the user name is the secret.
function spelledSecret(url) {
    const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(url)?.[1];
    if (userinfo === undefined)
        return undefined;
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    const password = colon < 0 ? '' : userinfo.slice(colon + 1);
    return password || user;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/config/report-path.ts
// Where the JSON report goes, checked before any request: a run that probes for minutes and
// then cannot write its report wastes the job. Only looks (stat, access); creates nothing.




/**
 * Returns `file` when the report can be written there: an existing file that is writable, or a
 * new file whose nearest existing ancestor is a writable directory (the missing ones are created
 * when the report is written). Throws InputError naming `report-path` otherwise.
 */
function checkReportPath(file) {
    const refuse = (reason) => {
        throw new InputError(constants/* Inputs */.G0.ReportPath, file, reason);
    };
    try {
        const target = external_node_path_namespaceObject.resolve(file);
        const existing = statOrUndefined(target);
        if (existing?.isDirectory())
            refuse('is a directory; give the path of a file');
        if (existing) {
            if (!writable(target, external_node_fs_namespaceObject.constants.W_OK))
                refuse('is a file that cannot be written');
            return file;
        }
        const ancestor = nearestExisting(external_node_path_namespaceObject.dirname(target));
        if (!(0,external_node_fs_namespaceObject.statSync)(ancestor).isDirectory()) {
            refuse(`cannot be created: ${ancestor} is not a directory`);
        }
        if (!writable(ancestor, external_node_fs_namespaceObject.constants.W_OK | external_node_fs_namespaceObject.constants.X_OK)) {
            refuse(`cannot be created: ${ancestor} is not writable`);
        }
        return file;
    }
    catch (err) {
        if (err instanceof InputError)
            throw err;
        return refuse(`cannot be written: ${err instanceof Error ? err.message : String(err)}`);
    }
}
function statOrUndefined(file) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(file);
    }
    catch (err) {
        if (isMissing(err))
            return undefined;
        throw err;
    }
}
// ENOTDIR: an ancestor is a file; walking up reaches it, and it is then refused as no directory.
function isMissing(err) {
    const code = err.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
function nearestExisting(dir) {
    for (let current = dir;; current = external_node_path_namespaceObject.dirname(current)) {
        if (statOrUndefined(current) !== undefined || external_node_path_namespaceObject.dirname(current) === current)
            return current;
    }
}
function writable(file, mode) {
    try {
        (0,external_node_fs_namespaceObject.accessSync)(file, mode);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/abort.ts
var abort = __nccwpck_require__(6885);
;// CONCATENATED MODULE: ./src/clock.ts

const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            stopListening();
            resolve();
        }, ms);
        // Many requests of one candidate may back off at once on its shared signal.
        const stopListening = signal
            ? (0,abort/* onAbort */.u)(signal, () => {
                clearTimeout(timer);
                reject(signal.reason);
            })
            : () => undefined;
    })
};

;// CONCATENATED MODULE: ./src/goenv/goauth.ts
// GOAUTH as the go command reads it (cmd/go/internal/auth/auth.go, userauth.go): the methods it
// names, and the cache of headers by URL prefix that every method fills and every request reads.




/** The default the go command uses when GOAUTH is unset or empty. */
const GOAUTH_DEFAULT = 'netrc';
/**
 * The methods of a GOAUTH value, in the order written ([] for `off`). Throws GoEnvError where the
 * go command stops with a fatal error, and for a command it could never run (unbalanced quotes).
 * Like Go, only the first word decides: `netrc x` is netrc, `off x` is off.
 */
function parseGoauth(value, style) {
    const text = value || GOAUTH_DEFAULT;
    const commands = text.split(';').map(strings/* trimSpace */.Pd);
    // Go checks the commands last to first, so the same value fails with the same message.
    const methods = [...commands].reverse().map((command) => {
        const words = (0,strings/* fields */.OA)(command);
        if (words.length === 0)
            throw new errors/* GoEnvError */.O('GOAUTH encountered an empty command');
        switch (words[0]) {
            case 'off':
                if (commands.length !== 1) {
                    throw new errors/* GoEnvError */.O('GOAUTH=off cannot be combined with other authentication commands');
                }
                return [];
            case 'netrc':
                return [{ kind: 'netrc', text: command }];
            case 'git':
                return [{ kind: 'git', text: command, dir: gitDirectory(words, style) }];
            default:
                return [{ kind: 'command', text: command, argv: splitQuoted(command) }];
        }
    });
    return methods.reverse().flat();
}
function gitDirectory(words, style) {
    const needed = 'GOAUTH=git dir method requires an absolute path to the git working directory';
    if (words.length !== 2)
        throw new errors/* GoEnvError */.O(needed);
    if (!isAbsolutePath(words[1], style))
        throw new errors/* GoEnvError */.O(`${needed}, dir is not absolute`);
    return words[1];
}
/**
 * cmd/internal/quoted.Split: fields separated by ASCII white space, each optionally wrapped in
 * single or double quotes, with no escapes inside.
 */
function splitQuoted(s) {
    const words = [];
    const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
    let i = 0;
    while (i < s.length) {
        while (i < s.length && isSpace(s[i]))
            i++;
        if (i === s.length)
            break;
        const quote = s[i];
        if (quote === '"' || quote === "'") {
            const end = s.indexOf(quote, i + 1);
            if (end < 0)
                throw new errors/* GoEnvError */.O(`cannot parse GOAUTH command ${s}: unterminated ${quote} string`);
            words.push(s.slice(i + 1, end));
            i = end + 1;
            continue;
        }
        const start = i;
        while (i < s.length && !isSpace(s[i]))
            i++;
        words.push(s.slice(start, i));
    }
    return words;
}
/**
 * Go's credentialCache: headers by URL prefix ("host[:port][/path]", no scheme, no trailing '/').
 * A later store for the same prefix replaces the earlier one; storing no headers removes it.
 */
class CredentialCache {
    byPrefix = new Map();
    copy() {
        const copy = new CredentialCache();
        for (const [prefix, headers] of this.byPrefix)
            copy.byPrefix.set(prefix, headers);
        return copy;
    }
    store(prefix, headers) {
        const key = trimPrefix(prefix);
        if (Object.keys(headers).length === 0)
            this.byPrefix.delete(key);
        else
            this.byPrefix.set(key, headers);
    }
    /**
     * The headers for a request URL: the stored prefix that matches it longest, trying the URL
     * without "https://" and then each shorter prefix ending before a '/'.
     */
    load(url) {
        for (let prefix = trimPrefix(url);; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
            const found = this.byPrefix.get(prefix);
            if (found !== undefined)
                return found;
            if (!prefix.includes('/'))
                return undefined;
        }
    }
}
function trimPrefix(url) {
    // Go's url.Parse lowercases the scheme: HTTPS://host is https://host to it.
    const noScheme = url.replace(/^https:\/\//i, '');
    return noScheme.endsWith('/') ? noScheme.slice(0, -1) : noScheme;
}
/** The header Go's Request.SetBasicAuth sets. */
function basicAuth(username, password) {
    return { Authorization: [`Basic ${basicToken(username, password)}`] };
}
/** The netrc method: each machine's Basic credentials, the first entry for a machine winning. */
function storeNetrc(cache, entries) {
    for (const entry of [...entries].reverse()) {
        cache.store(entry.machine, basicAuth(entry.login, entry.password));
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
;// CONCATENATED MODULE: ./src/goenv/goauth-output.ts
// What GOAUTH's programs print, read as the go command reads it: a GOAUTH command's credential
// sets (cmd/go/internal/auth/userauth.go) and 'git credential fill' (gitauth.go).



/**
 * A GOAUTH command's output: blocks of URL lines, a blank line, header lines ("Name: value"), a
 * blank line. Returns the headers of each URL prefix ("https://" dropped), a later block
 * replacing an earlier one for the same URL. Throws GoEnvError with Go's reasons; the reasons
 * never quote a header line, which may hold a secret.
 */
function parseAuthCommandOutput(output) {
    const credentials = new Map();
    const lines = { rest: output };
    const next = (missing) => {
        const newline = lines.rest.indexOf('\n');
        if (newline < 0)
            throw new errors/* GoEnvError */.O(`invalid format: missing empty line after ${missing}`);
        const line = lines.rest.slice(0, newline);
        lines.rest = lines.rest.slice(newline + 1);
        return line;
    };
    while (lines.rest !== '') {
        const urls = [];
        for (let line = next('URLs'); line !== ''; line = next('URLs')) {
            urls.push((0,gostd_url/* formatGoUrl */.Dr)(parseRequestUri(line)));
        }
        const headers = {};
        for (let line = next('headers'); line !== ''; line = next('headers')) {
            const colon = line.indexOf(': ');
            const name = colon < 0 ? '' : line.slice(0, colon);
            const value = (0,strings/* trimSpace */.Pd)(line.slice(colon + 2));
            if (colon < 0 || !isToken(name) || !isFieldValue(value)) {
                throw new errors/* GoEnvError */.O('invalid format: invalid header line');
            }
            const key = canonicalHeaderKey(name);
            headers[key] = [...(headers[key] ?? []), value];
        }
        for (const url of urls) {
            const prefix = url.startsWith('https://') ? url.slice('https://'.length) : url;
            credentials.set(prefix, headers);
        }
    }
    return credentials;
}
/**
 * 'git credential fill' output: the URL prefix it answered for (from protocol, host and path,
 * or a valid url= line) and the user name and password. Empty strings for what is missing.
 */
function parseGitCredential(output) {
    let prefix = (0,gostd_url/* emptyUrl */.jU)();
    let username = '';
    let password = '';
    for (const line of output.split('\n')) {
        const text = (0,strings/* trimSpace */.Pd)(line);
        const eq = text.indexOf('=');
        if (eq < 0)
            continue;
        const value = text.slice(eq + 1);
        switch (text.slice(0, eq)) {
            case 'protocol':
                prefix = { ...prefix, scheme: value };
                break;
            case 'host':
                prefix = { ...prefix, host: value };
                break;
            case 'path':
                prefix = { ...prefix, path: value };
                break;
            case 'username':
                username = value;
                break;
            case 'password':
                password = value;
                break;
            case 'url':
                // A malformed url= line is skipped; the other fields may still name the prefix.
                prefix = tryParseRequestUri(value) ?? prefix;
        }
    }
    return { prefix: (0,gostd_url/* formatGoUrl */.Dr)(prefix), username, password };
}
/** net/url.ParseRequestURI: an absolute URL or an absolute path; a '#' is part of the path. */
function parseRequestUri(raw) {
    if (raw === '')
        throw new errors/* GoEnvError */.O(`could not parse URL ${raw}: empty url`);
    try {
        const url = (0,gostd_url/* parseGoUrl */.P)(raw.replaceAll('#', '%23'));
        if (url.scheme === '' && !raw.startsWith('/') && raw !== '*') {
            throw new errors/* GoEnvError */.O('invalid URI for request');
        }
        return url;
    }
    catch (err) {
        if (!(err instanceof errors/* GoEnvError */.O))
            throw err;
        // Go quotes the line and pieces of it: not a line that may hold credentials.
        if (raw.includes('@'))
            throw new errors/* GoEnvError */.O('could not parse a URL line with user information');
        throw new errors/* GoEnvError */.O(`could not parse URL ${raw}: ${err.message}`);
    }
}
function tryParseRequestUri(raw) {
    try {
        return parseRequestUri(raw);
    }
    catch {
        return undefined;
    }
}
// RFC 7230 token characters: what a header name may hold.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function isToken(name) {
    return TOKEN.test(name);
}
// Go's validHeaderFieldValue: no control bytes except space and tab.
function isFieldValue(value) {
    // eslint-disable-next-line no-control-regex
    return !/[\x00-\x08\x0a-\x1f\x7f]/.test(value);
}
/** textproto.CanonicalMIMEHeaderKey for a valid name: "private-token" → "Private-Token". */
function canonicalHeaderKey(name) {
    return name
        .split('-')
        .map(part => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
        .join('-');
}

;// CONCATENATED MODULE: ./src/credentials/run-command.ts

class CommandError extends Error {
    cannotStart;
    name = 'CommandError';
    constructor(message, 
    /** The program could not be started at all (not found, not executable). */
    cannotStart = false) {
        super(message);
        this.cannotStart = cannotStart;
    }
}
/** What a credential program may print: far more than any set of headers. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** The real runner: `env` is the job's environment; each run ends after `timeoutMs`. */
function createCommandRunner(env, timeoutMs) {
    return (argv, options) => new Promise((resolve, reject) => {
        // Loaded on the first run: child_process costs every start, and few runs have GOAUTH.
        const { execFile } = process.getBuiltinModule('node:child_process');
        const child = execFile(argv[0], argv.slice(1), {
            cwd: options.cwd,
            env: { ...env, ...options.env },
            timeout: timeoutMs,
            killSignal: 'SIGKILL',
            maxBuffer: MAX_OUTPUT_BYTES,
            signal: options.signal,
            windowsHide: true,
            encoding: 'utf8'
        }, (err, stdout, stderr) => err ? reject(commandError(err, stderr, timeoutMs)) : resolve(stdout));
        // A program that exits without reading its input must not fail the run with EPIPE.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(options.stdin);
    });
}
function commandError(err, stderr, timeoutMs) {
    const code = err.code;
    if (code === 'ENOENT' || code === 'EACCES') {
        return new CommandError(code === 'ENOENT' ? 'not found' : 'permission denied', true);
    }
    if (err.name === 'AbortError')
        return new CommandError('cancelled: the request gave up');
    if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        return new CommandError(`printed more than ${MAX_OUTPUT_BYTES} bytes`);
    }
    if (err.killed)
        return new CommandError(`no answer within ${timeoutMs} ms`);
    const status = typeof code === 'number'
        ? `exit status ${code}`
        : err.signal
            ? `killed by ${err.signal}`
            : err.message;
    return new CommandError(`${status}${stderrTail(stderr)}`);
}
/** The program's own words on failure: its last lines of stderr, shortened. */
function stderrTail(stderr) {
    const lines = stderr.trim().split('\n').slice(-3);
    const text = (0,mask/* maskCredentialsLoosely */.Q6)(lines.join(' | ')).slice(0, 300);
    return text === '' ? '' : `: ${text}`;
}

;// CONCATENATED MODULE: ./src/credentials/goauth.ts
// GOAUTH at run time, as the go command applies it (cmd/go/internal/auth, web/http.go): every
// method runs once before the first request; each https request gets the headers stored for
// its URL's longest prefix; after a 4xx, git and commands run again for that URL and the request
// is sent once more if that changed its headers.







/**
 * A GOAUTH value that cannot work (a git directory that is none, a command that cannot start):
 * `reason` completes "Invalid input 'GOAUTH': <value> …", as the caller reports it.
 */
class GoauthValueError extends Error {
    reason;
    name = 'GoauthValueError';
    constructor(reason) {
        super(reason);
        this.reason = reason;
    }
}
/** The credentials GOAUTH yields, request by request. */
class GoAuth {
    methods;
    fx;
    cache = new CredentialCache();
    warned = new Set();
    masked = new Set();
    netrc = [];
    /** What the methods yielded before any request: the same in every run with the same setup. */
    atStart = new CredentialCache();
    constructor(methods, fx) {
        this.methods = methods;
        this.fx = fx;
    }
    /**
     * Checks what Go checks before running anything (git directories, commands that exist) and
     * runs every method once without a URL. Throws GoauthValueError for a GOAUTH that cannot work.
     */
    static async start(methods, fx) {
        const auth = new GoAuth(methods, fx);
        for (const method of methods) {
            if (method.kind === 'netrc')
                auth.netrc = (await fx.readNetrc()) ?? [];
            if (method.kind !== 'git')
                continue;
            const problem = await fx.directoryProblem(method.dir);
            if (problem)
                throw new GoauthValueError(`is not valid: ${problem}`);
        }
        for (const { login, password } of auth.netrc) {
            // The password, and the Basic token it is sent as, which a server may quote back.
            auth.maskSecret(password);
            auth.maskSecret(basicToken(login, password));
        }
        const errors = await auth.runMethods(undefined);
        for (const err of errors)
            fx.log.debug(err);
        auth.atStart = auth.cache.copy();
        return auth;
    }
    /**
     * The headers for a request. None for plain http (the go command never sends GOAUTH
     * credentials there) and none for a URL with its own user info (Go sends that as Basic auth).
     */
    headersFor(url) {
        return appliesTo(url) ? this.cache.load(url) : undefined;
    }
    /**
     * Which credentials requests to `url` carry, without their values: the methods, and whether
     * they gave any for it at the start. A verdict cache keyed by this never hands a verdict won
     * with credentials to a run without them (a fork's pull request, a secret that is not set).
     * Undefined when that cannot be known before the first request: git, or a command, may give
     * credentials only after a 401, so no verdict for that URL is cached.
     */
    describe(url) {
        if (!appliesTo(url))
            return 'none';
        const atStart = this.atStart.load(url) !== undefined;
        if (!atStart && this.refreshesFor(url))
            return undefined;
        const methods = this.methods.map(m => m.kind).join(';');
        return `${methods}: ${atStart ? 'credentials' : 'none'}`;
    }
    /** Whether a 4xx answer for `url` can change what it sends: GOAUTH runs git or a command. */
    refreshesFor(url) {
        return appliesTo(url) && this.methods.some(m => m.kind !== 'netrc');
    }
    /** After a 4xx for `url`: git and every command run again, told the URL (and the answer). */
    async refresh(url, response, signal) {
        const errors = await this.runMethods({ url, response, signal });
        // As the go command (with -x) does: failures matter only when no method gave credentials.
        if (this.cache.load(url))
            return;
        for (const err of errors) {
            if (this.warned.has(err))
                continue;
            this.warned.add(err);
            this.fx.log.warning(err, { action: 'goauth', url });
        }
    }
    /** Runs the methods last to first, so an earlier method's headers win for the same prefix. */
    async runMethods(context) {
        const errors = [];
        for (const method of [...this.methods].reverse()) {
            try {
                if (method.kind === 'netrc')
                    storeNetrc(this.cache, this.netrc);
                else if (method.kind === 'git')
                    await this.runGit(method.dir, context);
                else
                    await this.runCommand(method, context);
            }
            catch (err) {
                if (err instanceof GoauthValueError)
                    throw err;
                errors.push(`GOAUTH=${method.text}: ${messageOf(err)}`);
            }
        }
        return errors;
    }
    async runGit(dir, context) {
        // 'git credential' cannot list credentials: git waits for a request that needs them.
        if (!context)
            return;
        const { url, signal } = context;
        const output = await this.fx.run(['git', 'credential', 'fill'], {
            cwd: dir,
            stdin: `url=${url}\n`,
            signal,
            // A validation must not stop at a prompt for a password nobody will type.
            env: { GIT_TERMINAL_PROMPT: '0' }
        });
        const { prefix, username, password } = parseGitCredential(output);
        if (password)
            this.maskSecret(password);
        if (prefix === '')
            throw new Error(`'git credential fill' failed for url=${url}, could not parse url`);
        if (!url.startsWith(prefix)) {
            throw new Error(`requested a credential for ${url}, but 'git credential fill' provided one for ${prefix}`);
        }
        const headers = basicAuth(username, password);
        this.mask(headers);
        this.cache.store(prefix, headers);
    }
    async runCommand(method, context) {
        const argv = context ? [...method.argv, context.url] : method.argv;
        let output;
        try {
            output = await this.fx.run(argv, {
                stdin: context ? responseText(context.response) : '',
                signal: context?.signal
            });
        }
        catch (err) {
            if (!context && err instanceof CommandError && err.cannotStart) {
                const reason = `is not valid: the command ${JSON.stringify(argv[0])} cannot be run (${messageOf(err)}); GOAUTH takes off, netrc, git DIR or a command (see 'go help goauth')`;
                throw new GoauthValueError(reason);
            }
            throw new Error(`could not run command ${method.text}: ${messageOf(err)}`, { cause: err });
        }
        let credentials;
        try {
            credentials = parseAuthCommandOutput(output);
        }
        catch (err) {
            throw new Error(`cannot parse output of GOAUTH command ${method.text}: ${messageOf(err)}`, {
                cause: err
            });
        }
        for (const [prefix, headers] of credentials) {
            this.mask(headers);
            this.cache.store(prefix, headers);
        }
    }
    /** Every header value as a secret, and the credential inside it on its own. */
    mask(headers) {
        for (const value of Object.values(headers).flat()) {
            for (const secret of secretsOf(value))
                this.maskSecret(secret);
        }
    }
    /** Commands run again after each 4xx: each secret is announced once. */
    maskSecret(secret) {
        if (this.masked.has(secret))
            return;
        this.masked.add(secret);
        this.fx.onSecret(secret);
    }
}
function appliesTo(url) {
    return /^https:\/\//i.test(url) && !credentialsOf(url);
}
/** "Bearer t0ken" → itself and "t0ken"; "Basic <base64>" → also the decoded password. */
function secretsOf(value) {
    const secrets = [value];
    const scheme = /^(\S+) +(\S+)$/.exec(value);
    if (scheme)
        secrets.push(scheme[2]);
    if (scheme && scheme[1].toLowerCase() === 'basic') {
        const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon >= 0)
            secrets.push(decoded.slice(colon + 1));
    }
    return secrets.filter(s => s !== '');
}
/** What the go command writes to a command's stdin after a 4xx: status line, headers, blank line. */
function responseText(response) {
    const status = `${response.status} ${external_node_http_.STATUS_CODES[response.status] ?? ''}`.trim();
    const lines = Object.entries(response.headers).flatMap(([name, value]) => value === undefined ? [] : [`${canonicalHeaderKey(name)}: ${[value].flat().join(', ')}`]);
    return [`HTTP/1.1 ${status}`, ...lines, '', ''].join('\n');
}

;// CONCATENATED MODULE: ./src/goenv/netrc.ts
// The go command's .netrc (cmd/go/internal/auth/netrc.go): which file it reads and how it reads
// it. GOAUTH's netrc method (goauth.ts) turns the entries into credentials by URL prefix.



/**
 * Parses .netrc text as Go does, which is simpler than GNU's: tokens are taken in pairs within
 * one line; an entry is kept once it has machine, login and password; a line ending in a lone
 * `default` ends the file; `macdef` skips the following lines up to an empty line (the rest of
 * its own line is still read).
 */
function parseNetrc(text) {
    const entries = [];
    let entry = { machine: '', login: '', password: '' };
    let inMacro = false;
    for (const line of text.split('\n')) {
        if (inMacro) {
            // Only a truly empty line ends a macro ("\r" from a CRLF file does not).
            if (line === '')
                inMacro = false;
            continue;
        }
        const tokens = (0,strings/* fields */.OA)(line);
        let i = 0;
        for (; i < tokens.length - 1; i += 2) {
            const value = tokens[i + 1];
            switch (tokens[i]) {
                case 'machine':
                    entry = { machine: value, login: '', password: '' };
                    break;
                case 'login':
                    entry.login = value;
                    break;
                case 'password':
                    entry.password = value;
                    break;
                case 'macdef':
                    inMacro = true;
                    break;
            }
            if (entry.machine !== '' && entry.login !== '' && entry.password !== '') {
                entries.push(entry);
                entry = { machine: '', login: '', password: '' };
            }
        }
        // "There can be only one default token, and it must be after all machine tokens."
        if (tokens[i] === 'default')
            break;
    }
    return entries;
}
/**
 * The file Go reads: $NETRC if set and non-empty, else .netrc in the home directory; on Windows
 * _netrc there instead when that file exists (pass `exists`, e.g. fs.existsSync, to see it).
 */
function netrcPath(env, platform, home, exists = () => false) {
    const fromEnv = env.NETRC;
    if (fromEnv !== undefined && fromEnv !== '')
        return fromEnv;
    // Go's os.UserHomeDir fails on an empty $HOME, and then reads no .netrc at all.
    if (home === '')
        throw new errors/* GoEnvError */.O('cannot locate .netrc: the home directory is not set');
    if (platform === 'win32') {
        const legacy = external_node_path_namespaceObject.win32.join(home, '_netrc');
        return exists(legacy) ? legacy : external_node_path_namespaceObject.win32.join(home, '.netrc');
    }
    return external_node_path_namespaceObject.posix.join(home, '.netrc');
}

;// CONCATENATED MODULE: ./src/credentials/lookup.ts
// Where GOAUTH's credentials come from on this machine: the netrc file and git directories.



/** The go command's netrc (NETRC, else ~/.netrc; ~/_netrc on Windows). */
async function readNetrc(env) {
    let text;
    try {
        text = await promises_.readFile(netrcPath(env, process.platform, homeOf(env), external_node_fs_namespaceObject.existsSync), 'utf8');
    }
    catch {
        // No home or no file: the go command then sends no netrc credentials either.
        return undefined;
    }
    return parseNetrc(text);
}
/** os.UserHomeDir: %USERPROFILE% on Windows, $HOME elsewhere. */
function homeOf(env) {
    return (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ?? '';
}
/** Go's checks of a `git DIR` directory, worded as its fatal errors. */
async function directoryProblem(dir) {
    try {
        if ((await promises_.stat(dir)).isDirectory())
            return undefined;
        return 'GOAUTH=git dir method requires an absolute path to the git working directory, dir is not a directory';
    }
    catch (err) {
        return `GOAUTH=git encountered an error; cannot stat ${dir}: ${err.code ?? err}`;
    }
}

// EXTERNAL MODULE: ./src/http/types.ts
var types = __nccwpck_require__(5853);
;// CONCATENATED MODULE: ./src/http/goauth-get.ts
// The go command's fetch with GOAUTH (cmd/go/internal/web/http.go): credentials on the first
// request, and after a 4xx answer one more request with what GOAUTH then gives for the URL.


/**
 * `get` with GOAUTH's headers. The second request is sent only when running GOAUTH again changed
 * the URL's headers (Go sends it regardless; an identical request proves nothing more). Both
 * requests and the commands in between share the request's one deadline.
 */
function withGoAuth(get, auth) {
    return async (request) => {
        const started = performance.now();
        const elapsed = () => Math.round(performance.now() - started);
        const sent = auth.headersFor(request.url);
        const first = await get(sent ? { ...request, headers: sent } : request);
        if (first.status < 400 || first.status > 499 || !auth.refreshesFor(request.url))
            return first;
        const deadline = (0,abort/* deadlineSignal */.R)(request.signal, Math.max(0, request.timeoutMs - elapsed()));
        try {
            await auth.refresh(request.url, first, deadline.signal);
        }
        finally {
            deadline.dispose();
        }
        const headers = auth.headersFor(request.url);
        if (JSON.stringify(headers) === JSON.stringify(sent))
            return first;
        const timedOut = () => new types/* HttpError */.j$('timeout', `no complete answer within ${request.timeoutMs} ms`);
        const offset = elapsed();
        if (offset >= request.timeoutMs)
            throw timedOut();
        try {
            const second = await get({ ...request, headers, timeoutMs: request.timeoutMs - offset });
            return shifted(second, offset);
        }
        catch (err) {
            throw err instanceof types/* HttpError */.j$ && err.kind === 'timeout' ? timedOut() : err;
        }
    };
}
/** The answer's timing measured from the start of the first request. */
function shifted(response, offsetMs) {
    const { timing } = response;
    return {
        ...response,
        timing: {
            ...timing,
            headersMs: timing.headersMs + offsetMs
        }
    };
}

;// CONCATENATED MODULE: ./src/cache/schema.ts
// Checks for what comes back from the cache: JSON that another version, another machine or a
// damaged disk wrote. A value counts only when every part of it has the type the code expects;
// each check names the first part that does not, for the debug log and for tests.
function schema(problem) {
    const is = (value) => problem(value, 'value') === undefined;
    return Object.assign(is, { problem: (value, where = 'value') => problem(value, where) });
}
function describe(value) {
    if (value === undefined)
        return 'missing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
function leaf(expected, test) {
    return schema((value, where) => test(value) ? undefined : `${where} is ${describe(value)}, not ${expected}`);
}
const string = leaf('a string', v => typeof v === 'string');
const schema_boolean = leaf('true or false', v => typeof v === 'boolean');
/** A count or an HTTP status: a whole number, not negative. */
const count = leaf('a whole number ≥ 0', v => Number.isSafeInteger(v) && v >= 0);
/** A duration or a time since the epoch, in ms. */
const milliseconds = leaf('a finite number ≥ 0', v => typeof v === 'number' && Number.isFinite(v) && v >= 0);
/** Any object, not null and not an array: for a part that the module reading it checks in full. */
function checkedByItsReader() {
    return leaf('an object', isRecord);
}
function oneOf(values) {
    const allowed = new Set(values);
    const expected = values.map(v => JSON.stringify(v));
    const what = expected.length === 1 ? expected[0] : `one of ${expected.join(', ')}`;
    return leaf(what, v => allowed.has(v));
}
/** One of the keys of `table`: a Record over a union type names every member, or tsc complains. */
function oneOfKeys(table) {
    return oneOf(Object.keys(table));
}
function optional(inner) {
    return schema((value, where) => value === undefined ? undefined : inner.problem(value, where));
}
function arrayOf(item) {
    return schema((value, where) => {
        if (!Array.isArray(value))
            return `${where} is ${describe(value)}, not an array`;
        for (const [i, v] of value.entries()) {
            const problem = item.problem(v, `${where}[${i}]`);
            if (problem)
                return problem;
        }
        return undefined;
    });
}
/** An object used as a map: any keys, every value a T. */
function recordOf(item) {
    return schema((value, where) => {
        if (!isRecord(value))
            return `${where} is ${describe(value)}, not an object`;
        for (const [key, v] of Object.entries(value)) {
            const problem = item.problem(v, `${where}[${JSON.stringify(key)}]`);
            if (problem)
                return problem;
        }
        return undefined;
    });
}
/** A schema for a plain type guard, which cannot say more than that the value is wrong. */
function fromGuard(guard) {
    return 'problem' in guard ? guard : leaf('what its reader expects', guard);
}
/** An object with exactly these fields: a field the code does not know is a problem too. */
function object(fields) {
    const entries = Object.entries(fields);
    return schema((value, where) => {
        if (!isRecord(value))
            return `${where} is ${describe(value)}, not an object`;
        const unknown = Object.keys(value).find(key => !Object.hasOwn(fields, key));
        if (unknown !== undefined)
            return `${where}.${unknown} is not a known field`;
        for (const [key, field] of entries) {
            const problem = field.problem(value[key], `${where}.${key}`);
            if (problem)
                return problem;
        }
        return undefined;
    });
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/cache/entry.ts
// The on-disk form of a cached value, the same in the local store and in the Actions cache.

/** Bumped whenever an entry or a payload changes shape: older entries are then misses. */
const ENTRY_SCHEMA = 'validate-goproxy/cache@3';
/** Runners' clocks differ a little; an entry from further in the future than this is damaged. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * Why `v` is not an entry of this schema, for `key`, with a payload `isPayload` accepts (the
 * first problem found); undefined when it is one. Fields nobody reads are problems too.
 */
function entryProblem(v, key, isPayload) {
    const entry = object({
        schema: oneOf([ENTRY_SCHEMA]),
        key: oneOf([key]),
        storedAt: count,
        payload: fromGuard(isPayload)
    });
    return entry.problem(v, 'entry');
}
/** True when `v` is an entry of this schema, for `key`, with a payload `isPayload` accepts. */
function isCacheEntry(v, key, isPayload) {
    return entryProblem(v, key, isPayload) === undefined;
}
/** The entry's age at `now` (0 if stored a little later); undefined when it cannot be that new. */
function ageOf(entry, now) {
    if (entry.storedAt > now + MAX_CLOCK_SKEW_MS)
        return undefined;
    return Math.max(0, now - entry.storedAt);
}

;// CONCATENATED MODULE: ./src/cache/local-store.ts
// Cache entries as one JSON file per key, replaced atomically so a reader never sees half a file.





const KEY_PATTERN = /^[0-9a-f]{64}$/;
const ENTRY_FILE = /^([0-9a-f]{64})\.json$/;
/** A store in `dir`, created (recursively) on the first write. Keys are SHA-256 hex. */
function createLocalStore(dir, log) {
    return {
        dir,
        async read(key, isPayload) {
            const file = entryFile(dir, key);
            let text;
            try {
                text = await (0,promises_.readFile)(file, 'utf8');
            }
            catch (err) {
                if (errorCode(err) !== 'ENOENT')
                    log.debug(`cache: cannot read ${file}: ${messageOf(err)}`);
                return undefined;
            }
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (err) {
                log.debug(`cache: ignoring ${file}: not JSON (${messageOf(err)})`);
                return undefined;
            }
            const problem = entryProblem(value, key, isPayload);
            if (problem === undefined)
                return value;
            // A miss: the caller's fresh result then replaces the file.
            log.debug(`cache: ignoring ${file}: not a ${ENTRY_SCHEMA} entry for this key (${problem})`);
            return undefined;
        },
        async write(key, payload, now) {
            const file = entryFile(dir, key);
            const entry = { schema: ENTRY_SCHEMA, key, storedAt: now, payload };
            try {
                await (0,promises_.mkdir)(dir, { recursive: true });
                await replaceFile(file, `${JSON.stringify(entry)}\n`);
            }
            catch (err) {
                log.warning(`cache: cannot write ${file}: ${messageOf(err)}`);
            }
        },
        async keys() {
            let names;
            try {
                names = await (0,promises_.readdir)(dir);
            }
            catch (err) {
                if (errorCode(err) !== 'ENOENT')
                    log.debug(`cache: cannot list ${dir}: ${messageOf(err)}`);
                return [];
            }
            return names.flatMap(name => ENTRY_FILE.exec(name)?.[1] ?? []).sort();
        }
    };
}
function entryFile(dir, key) {
    if (!KEY_PATTERN.test(key))
        throw new Error(`cache key must be 64 lower-case hex digits, got ${JSON.stringify(key)}`);
    return (0,external_node_path_namespaceObject.join)(dir, `${key}.json`);
}
/** Writes a temporary file beside `file`, flushes it to disk and renames it over `file`. */
async function replaceFile(file, text) {
    // Unique per writer, so concurrent writers (other processes included) never share one.
    const temp = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    try {
        const handle = await (0,promises_.open)(temp, 'wx');
        try {
            await handle.writeFile(text, 'utf8');
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temp, file);
    }
    catch (err) {
        await (0,promises_.rm)(temp, { force: true }).catch(() => undefined);
        throw err;
    }
}
function errorCode(err) {
    return err?.code;
}

;// CONCATENATED MODULE: ./src/effects.ts












/**
 * The real effects both faces share: network (trusting the CAs Go trusts, with GOAUTH's
 * credentials), clock, the local verdict cache. Throws InputError for a GOAUTH that cannot work.
 */
async function createEffects(plan, env, log, secrets) {
    const auth = await startGoauth(plan, env, log, secrets.addSecret);
    const http = httpOnFirstRequest({ trust: () => readTrust(env), godebug: env[constants/* GODEBUG */.Kl] });
    const store = plan.cache.enabled
        ? secretFreeWrites(createLocalStore(plan.cache.dir, withFields(log, { action: 'cache.local' })), secrets.mask, log)
        : undefined;
    const get = auth ? withGoAuth(http.get, auth) : http.get;
    const credentialsOf = (url) => (auth ? auth.describe(url) : 'none');
    return {
        effects: { http: get, clock: systemClock, log, store, credentialsOf, tempDir: env.RUNNER_TEMP },
        close: http.close
    };
}
/**
 * A store that writes no entry holding a known secret: a server may quote a request's credentials
 * back in the error answer a reason quotes. Masked, such an entry could mislead a later run (a
 * short password masks pieces of module paths in the graph it caches), so it is not written: the
 * next run asks again.
 */
function secretFreeWrites(store, mask, log) {
    return {
        read: (key, isPayload) => store.read(key, isPayload),
        keys: () => store.keys(),
        dir: store.dir,
        write: async (key, payload, now) => {
            const text = JSON.stringify(payload);
            if (JSON.stringify(maskValues(payload, mask)) === text)
                return store.write(key, payload, now);
            log.debug(`cache: entry ${key.slice(0, 12)} not written: it would hold a secret`, {
                action: 'cache.local'
            });
        }
    };
}
/**
 * The network stack (http, https, tls, zlib, the proxy agents) is loaded by the first request,
 * not with the effects: a run answered from the verdict cache sends none. The request's clock
 * starts inside the real getter, so loading it never counts as the server's time. The imports
 * are `eager`: the code stays in the bundle that holds this file (the CLI ships as one file) and
 * only runs, loading those Node modules, when imported.
 */
function httpOnFirstRequest(options) {
    let getter;
    let closed = false;
    let loading;
    const load = () => (loading ??= Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 6046)).then(({ createHttpGetter }) => {
        getter = createHttpGetter(options);
        // Closed while loading: no connection is kept alive past the run.
        if (closed)
            getter.close();
        return getter;
    }));
    return {
        get: async (request) => (await load()).get(request),
        close: () => {
            closed = true;
            getter?.close();
        }
    };
}
/** The CAs to trust, read before the first https request; its module (tls, X.509) loaded then. */
async function readTrust(env) {
    const { trustedCertificates } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 7850));
    return trustedCertificates(env, process.platform, promises_);
}
/** GOAUTH from the job's environment (default netrc); undefined for `off`. */
async function startGoauth(plan, env, log, onSecret) {
    const value = env[constants/* GOAUTH */.H9] ?? '';
    const methods = forInput(constants/* GOAUTH */.H9, value, () => parseGoauth(value, pathStyleOf(process.platform)));
    if (methods.length === 0)
        return undefined;
    try {
        return await GoAuth.start(methods, {
            // A credential program gets as long as one request may take.
            run: createCommandRunner(env, plan.timeoutMs),
            readNetrc: () => readNetrc(env),
            directoryProblem: directoryProblem,
            onSecret,
            log: withFields(log, { action: 'goauth' })
        });
    }
    catch (err) {
        if (err instanceof GoauthValueError)
            throw new InputError(constants/* GOAUTH */.H9, value, err.reason);
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/report/sentences.ts

const VERDICT_MARK = {
    healthy: '✅ healthy',
    degraded: '⚠️ degraded',
    unhealthy: '❌ unhealthy',
    tampered: '🛑 tampered',
    skipped: '➖ skipped'
};
function formatMs(ms) {
    if (ms === undefined)
        return '—';
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
/**
 * Whether the build went unresolved for want of any candidate: every one failed its checks (or
 * was dropped), no chain was left, and so no file of the build was asked of anyone.
 */
function noCandidateLeft(result) {
    const { unresolved } = result.build;
    return (result.selection.chain.length === 0 &&
        unresolved.length > 0 &&
        unresolved.every(m => m.files.every(f => f.asked.length === 0)));
}
/** What the build comes to when no candidate is left (see noCandidateLeft). */
function noCandidateLeftLine(result) {
    const count = result.build.unresolved.length;
    return `${count} module version${count === 1 ? '' : 's'} of the build: no candidate passed its checks, so none was asked for ${count === 1 ? 'it' : 'them'}`;
}
/**
 * Whether the build goes unresolved because GOPROXY is `off` as given (nothing to probe): the go
 * command downloads nothing, so the build must come from the module cache or vendor/, which the
 * action cannot see. A warning, not an error a module: the user chose it.
 */
function buildOffline(result) {
    return result.selection.outcome === 'nothing-to-probe' && result.build.unresolved.length > 0;
}
/** What the build comes to with GOPROXY=off (see buildOffline). */
function buildOfflineLine(result) {
    const count = result.build.unresolved.length;
    const one = count === 1;
    return `GOPROXY=off: the go command downloads none of the build's ${count} module version${one ? '' : 's'}, so ${one ? 'it' : 'they'} must already be in the module cache (or vendor/); not checked`;
}
/** One sentence on what was exported and why, for the summary, the log and the CLI. */
function outcomeSentence(result) {
    const { selection } = result;
    const cause = !result.sumdb.ok
        ? `The checksum database check failed (${result.sumdb.reason})`
        : result.build.unresolved.length > 0 && !noCandidateLeft(result)
            ? unresolvedCause(result)
            : 'No candidate passed';
    const first = selection.chain[0]?.candidate.display;
    const { shown } = result.exported;
    switch (selection.outcome) {
        case 'proxies':
            return `Exported GOPROXY=${shown} — ${first} passed its checks.`;
        case 'mirrors':
            return `No proxy of \`proxies\` passed; fell back to mirror ${first}: GOPROXY=${shown}.`;
        case 'nothing-to-probe':
            return `Nothing to probe: exported GOPROXY=${shown} as given, unverified.`;
        case 'on-failure-direct':
            return `${cause}; exported GOPROXY=direct because on-failure is \`direct\`.`;
        case 'on-failure-keep':
            return `${cause}; left the environment as it was because on-failure is \`keep\`.`;
        case 'failed':
            return `${cause}; nothing was exported.`;
    }
}
/** Why each failed primary was left out, naming what replaced it when mirrors took over. */
function fallbackLines(result) {
    const lines = result.sumdb.mirrorUsed ? [`Checksum database: ${result.sumdb.reason}.`] : [];
    if (result.selection.outcome !== 'mirrors' && result.selection.outcome !== 'on-failure-direct')
        return lines;
    const replacement = result.selection.chain[0]?.candidate.display ?? 'direct';
    const replaced = result.reports
        .filter(r => r.candidate.role === 'primary' && r.verdict !== 'skipped')
        .map(r => `${r.candidate.display} failed (${r.reason}); replaced by ${replacement}.`);
    return [...replaced, ...lines];
}
/** One line on the checksum database: what was proved, by which route, or why it failed. */
function sumdbSentence(result) {
    const { sumdb, integrity } = result;
    const mark = integrity.status !== 'checked' ? '➖' : sumdb.ok ? '✅' : '❌';
    return `${mark} Checksum database: ${sumdb.reason}. GOSUMDB=${(0,mask/* maskCredentials */.Bs)(sumdb.gosumdb)}`;
}
/** Why a run whose candidates passed still failed: modules of the build no candidate serves. */
function unresolvedCause(result) {
    const { unresolved } = result.build;
    const first = unresolved[0].module;
    const more = unresolved.length > 1 ? ` and ${unresolved.length - 1} more` : '';
    return `${unresolved.length} module version${unresolved.length === 1 ? '' : 's'} of the build resolve${unresolved.length === 1 ? 's' : ''} through no usable candidate (${first.path}@${first.version}${more})`;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/build/modfile.ts
// The statements of a go.mod or go.work file, read with the lexical rules of
// golang.org/x/mod/modfile (read.go): `//` comments, `verb (` … `)` blocks, identifiers or
// double-quoted Go strings. Only the shape is read; what a verb means is up to the caller.

// Identifiers run until white space, a comment or one of modfile's punctuation characters.
// A string without its closing quote runs to the end of the line, to be refused whole.
const modfile_TOKEN = /\s+|\/\/.*|[()[\]{},]|"(?:[^"\\]|\\.)*"?|`[^`]*`|(?:[^\s()[\]{},/"`]|\/(?!\/))+|./gy;
// modfile's lexer skips only spaces, tabs and CRs; any other character that is not printable
// (unicode.IsPrint), and a /* comment, stop it.
const NOT_LEXED = /[^ \t\r\P{C}]|[^ \P{Z}]|\/\*/u;
// The tokens of one line: comments dropped, quoted strings unquoted.
function tokenize(line, where) {
    const tokens = [];
    for (const [text] of line.matchAll(modfile_TOKEN)) {
        if (text.startsWith('//'))
            continue;
        const quoted = text.startsWith('"') || text.startsWith('`');
        const bad = quoted ? undefined : NOT_LEXED.exec(text)?.[0];
        if (bad === '/*')
            throw new errors/* GoEnvError */.O(`${where}: mod files must use // comments (not /* */ comments)`);
        if (bad !== undefined)
            throw new errors/* GoEnvError */.O(`${where}: unexpected input character ${JSON.stringify(bad)}`);
        if (/^\s/.test(text))
            continue;
        if (text === '(')
            tokens.push({ kind: 'open' });
        else if (text === ')')
            tokens.push({ kind: 'close' });
        else if (text.startsWith('"'))
            tokens.push({ kind: 'word', text: unquote(text, where) });
        // A raw string: its text as written.
        else if (text.length > 1 && text.startsWith('`'))
            tokens.push({ kind: 'word', text: text.slice(1, -1) });
        else
            tokens.push({ kind: 'word', text });
    }
    return tokens;
}
// A Go string literal; JSON's escapes are the ones a path needs (`go work use` writes strconv.Quote).
function unquote(text, where) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* GoEnvError */.O(`${where}: cannot read the string ${text}`);
    }
}
const words = (tokens) => tokens.flatMap(t => (t.kind === 'word' ? [t.text] : []));
/**
 * Every statement, in file order: `verb args…` lines, and the lines of `verb ( … )` blocks, each
 * with the block's verb. Throws GoEnvError, naming `file` and the line, on a string that does not
 * end on its line.
 */
function statements(text, file) {
    const found = [];
    let block;
    for (const [index, content] of text.split('\n').entries()) {
        const line = index + 1;
        const tokens = tokenize(content, `${file}:${line}`);
        const [first, second] = tokens;
        if (first === undefined)
            continue;
        if (block !== undefined) {
            if (first.kind === 'close')
                block = undefined;
            else
                found.push({ verb: block, args: words(tokens), line });
            continue;
        }
        if (first.kind !== 'word')
            continue;
        if (second?.kind === 'open')
            block = first.text;
        else
            found.push({ verb: first.text, args: words(tokens.slice(1)), line });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/build/gowork.ts
// The `use` directives of a go.work file.

/**
 * The directories a go.work uses, as written (relative to the go.work's directory unless
 * absolute), in file order: `use ./a` and the lines of `use ( … )` blocks. Other directives
 * and their blocks are skipped. Throws GoEnvError on a string that does not end on its line.
 */
function parseUseDirectives(text) {
    return statements(text, 'go.work').flatMap(s => s.verb === 'use' && s.args[0] ? [s.args[0]] : []);
}

;// CONCATENATED MODULE: ./src/build/walk.ts


/** Directories never searched: vendored and test copies of modules, VCS and JS dependencies. */
const SKIPPED_DIRECTORIES = new Set([
    'vendor',
    'testdata',
    '.git',
    'node_modules'
]);
const MAX_WALK_ENTRIES = 100_000;
/** The walk saw more entries than it may. */
class WalkLimitError extends Error {
    name = 'WalkLimitError';
}
// Directories that vanish or may not be read while we walk are skipped, as if empty.
const UNREADABLE = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM']);
async function entriesOf(dir) {
    try {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    catch (err) {
        if (UNREADABLE.has(err.code ?? ''))
            return [];
        throw err;
    }
}
// A symbolic link counts as the file it points to; links to directories are not followed.
async function isFileEntry(entry, path) {
    return entry.isSymbolicLink() ? isFile(path) : entry.isFile();
}
/**
 * The wanted files under root (absolute paths), depth first with each directory in name order.
 * Skips SKIPPED_DIRECTORIES; throws WalkLimitError after maxEntries entries (100,000).
 */
async function walkFiles(root, options) {
    const max = options.maxEntries ?? MAX_WALK_ENTRIES;
    const found = [];
    let seen = 0;
    const visit = async (relativeDir) => {
        for (const entry of await entriesOf((0,external_node_path_namespaceObject.join)(root, relativeDir))) {
            if (++seen > max)
                throw new WalkLimitError(`more than ${max} files and directories`);
            const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.has(entry.name) && options.descend(relative))
                    await visit(relative);
            }
            else if (options.accept(relative) && (await isFileEntry(entry, (0,external_node_path_namespaceObject.join)(root, relative)))) {
                found.push((0,external_node_path_namespaceObject.join)(root, relative));
            }
        }
    };
    await visit('');
    return found;
}
async function isFile(path) {
    return (0,promises_.stat)(path).then(s => s.isFile(), () => false);
}
async function isDirectory(path) {
    return (0,promises_.stat)(path).then(s => s.isDirectory(), () => false);
}

;// CONCATENATED MODULE: ./src/build/listed.ts
// The go.sum files `go-sum` lists by path or pattern, and the go.mod or go.work next to each.





/**
 * The files of each item, in the order listed, each once: a path must name a file; a pattern
 * must match at least one file under the working directory.
 */
async function expandListed(items, workingDirectory) {
    const files = new Set();
    for (const item of items) {
        const found = item.kind === 'path'
            ? [await listedFile(item.path, workingDirectory)]
            : await matchingFiles(item.glob, workingDirectory);
        for (const file of found)
            files.add(file);
    }
    const goSumFiles = [...files];
    const nextTo = [...new Set(goSumFiles.map(toolchainFileFor))];
    const present = await Promise.all(nextTo.map(isFile));
    return { goSumFiles, toolchainFiles: nextTo.filter((_, i) => present[i]) };
}
async function listedFile(path, workingDirectory) {
    const file = (0,external_node_path_namespaceObject.resolve)(workingDirectory, path);
    if (await isFile(file))
        return file;
    const reason = (await isDirectory(file))
        ? 'is a directory, not a go.sum file'
        : `does not exist (a relative path starts at working-directory ${workingDirectory})`;
    throw new InputError(constants/* Inputs */.G0.GoSum, path, reason);
}
async function matchingFiles(glob, workingDirectory) {
    let files;
    try {
        files = await walkFiles(workingDirectory, {
            descend: dir => globMayMatchUnder(glob, dir),
            accept: file => globMatches(glob, file)
        });
    }
    catch (err) {
        if (!(err instanceof WalkLimitError))
            throw err;
        const reason = `makes the search of ${workingDirectory} visit more than ${MAX_WALK_ENTRIES} files and directories: start it with the directories to search (e.g. services/*/go.sum)`;
        throw new InputError(constants/* Inputs */.G0.GoSum, glob.pattern, reason);
    }
    if (files.length === 0) {
        const skipped = [...SKIPPED_DIRECTORIES].join(', ');
        const reason = `matches no file under working-directory ${workingDirectory} (${skipped} are not searched)`;
        throw new InputError(constants/* Inputs */.G0.GoSum, glob.pattern, reason);
    }
    return files;
}
/** The go.mod next to a listed go.sum, or the go.work next to a go.work.sum (x.work.sum: x.work). */
function toolchainFileFor(goSumFile) {
    const name = (0,external_node_path_namespaceObject.basename)(goSumFile);
    const dir = (0,external_node_path_namespaceObject.dirname)(goSumFile);
    return name.endsWith('.work.sum') ? (0,external_node_path_namespaceObject.join)(dir, name.slice(0, -'.sum'.length)) : (0,external_node_path_namespaceObject.join)(dir, 'go.mod');
}

;// CONCATENATED MODULE: ./src/goenv/goflags.ts
// GOFLAGS as the go command reads it (cmd/go/internal/base/goflags.go): words split as a quoted
// list, each `-name=value` or `--name=value`, the last setting of a flag winning.


/**
 * Each value GOFLAGS gives the flag `name`, in order; [] also when Go cannot split GOFLAGS (it
 * then refuses to run, so nothing this reads matters).
 */
function goFlagValues(goflags, name) {
    let words;
    try {
        words = splitQuoted(goflags ?? '');
    }
    catch (err) {
        if (err instanceof errors/* GoEnvError */.O)
            return [];
        throw err;
    }
    const prefixes = [`-${name}=`, `--${name}=`];
    return words.flatMap(word => {
        const prefix = prefixes.find(p => word.startsWith(p));
        return prefix === undefined ? [] : [word.slice(prefix.length)];
    });
}
/** The -modfile GOFLAGS sets (the last one; an empty value sets none), or undefined. */
function modfileFlag(goflags) {
    return goFlagValues(goflags, 'modfile').at(-1) || undefined;
}

;// CONCATENATED MODULE: ./src/build/vendor.ts
// Whether the go command builds from vendor/, and so downloads no module, as cmd/go/internal/modload
// (init.go: setDefaultBuildMod, modulesTextIsForWorkspace) decides it for `go build` and `go test`:
// an explicit -mod from GOFLAGS (base/goflags.go) wins; else a vendor directory beside the go.mod
// (in a workspace, beside the go.work) whose modules.txt was written in the same mode, under a
// `go` line of 1.14 or later. `go mod download` takes no -mod flag and fetches every module anyway.







// The first Go whose go command builds from vendor/ by default.
const AUTO_VENDOR_GO = '1.14';
/**
 * The vendor directory the go command builds `root` from, with `goflags` the job's GOFLAGS;
 * undefined when it fetches modules (also where Go refuses to run: GOFLAGS it cannot split, a
 * modules.txt it cannot read, a go.mod it cannot parse, so the walk stays as it was).
 */
async function vendorModeOf(root, goflags) {
    const dir = (0,external_node_path_namespaceObject.join)(root.dir, 'vendor');
    const flag = modFlag(goflags);
    if (flag === 'vendor') {
        return { dir, reason: 'GOFLAGS sets -mod=vendor', missing: !(await isDirectory(dir)) };
    }
    if (flag !== undefined || !(await isDirectory(dir)))
        return undefined;
    const go = await goLine(root.file);
    if (go === undefined || go === '' || compareGo(go, AUTO_VENDOR_GO) < 0)
        return undefined;
    // A vendor directory written in the other mode (`go mod vendor` vs `go work vendor`) is unused.
    if ((await modulesTextIsForWorkspace(dir)) !== root.workspace)
        return undefined;
    return { dir, reason: `${(0,external_node_path_namespaceObject.basename)(root.file)} says go ${go}`, missing: false };
}
/**
 * The -mod GOFLAGS sets: each word a flag, `-mod=x` or `--mod=x`, the last one winning; undefined
 * when none sets a value (an empty value sets nothing, as Go's explicitStringFlag records it), and
 * '' when the last is empty after one that set a value (Go then leaves the mode unset: no vendor).
 */
function modFlag(goflags) {
    let value;
    for (const set of goFlagValues(goflags, 'mod')) {
        if (set !== '' || value !== undefined)
            value = set;
    }
    return value;
}
/** The `go` line's version ('' when there is none); undefined when the file cannot be read. */
async function goLine(file) {
    try {
        const text = await (0,promises_.readFile)(file, 'utf8');
        return statements(text, file).find(s => s.verb === 'go')?.args[0] ?? '';
    }
    catch {
        return undefined;
    }
}
/**
 * Whether vendor/modules.txt was written by `go work vendor`: its first line (of the first 512
 * bytes) is a `## ` annotation list naming `workspace`. A missing modules.txt is a module's.
 */
async function modulesTextIsForWorkspace(dir) {
    let head;
    try {
        const file = await (0,promises_.open)((0,external_node_path_namespaceObject.join)(dir, 'modules.txt'));
        try {
            const buffer = Buffer.alloc(512);
            const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
            head = buffer.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await file.close();
        }
    }
    catch (err) {
        return err.code === 'ENOENT' ? false : undefined;
    }
    const line = head.split('\n', 1)[0];
    if (!line.startsWith('## '))
        return false;
    return line
        .slice(3)
        .split(';')
        .some(entry => (0,strings/* trimSpace */.Pd)(entry) === 'workspace');
}
/** One sentence on the builds made from vendor/ whose go.sum files were not walked; '' when none. */
function vendoredSentence(vendored) {
    return (vendored ?? []).map(vendoredLine).join(' ');
}
function vendoredLine(v) {
    const sums = v.goSumFiles.length;
    const notWalked = sums === 0
        ? 'there is no go.sum to walk'
        : `${sums === 1 ? 'its go.sum was' : `its ${sums} go.sum files were`} not walked`;
    if (v.missing) {
        return `Vendored build (${v.reason}), but ${v.dir} does not exist: \`go build\` and \`go test\` download no module and fail ("inconsistent vendoring") if go.mod requires any; ${notWalked}.`;
    }
    return `Vendored build (${v.reason}): \`go build\` and \`go test\` build from ${v.dir} and download no module, so ${notWalked} (\`go mod download\` would still fetch every module).`;
}

;// CONCATENATED MODULE: ./src/build/discover.ts
// Finds the go.sum files of the build, and the files whose `go`/`toolchain` lines pick its
// toolchain: the module or workspace of the working directory as the go command finds it
// (cmd/go/internal/modload init.go: FindGoWork, findWorkspaceFile, findModuleRoot), or the files
// `go-sum` lists. A build the go command makes from vendor/ downloads no module: its go.sum files
// are set aside, not read (see vendor.ts).










const nothing = () => ({ goSumFiles: [], toolchainFiles: [], found: false });
/**
 * The build's files, for the plan's `go-sum` selection. `auto`: the go.work in use (GOWORK, else
 * the nearest above the working directory), else the nearest go.mod above it, else nothing
 * (`found: false`, not an error). Throws InputError naming `working-directory` when it is not a
 * directory, and naming `go-sum` where the go command would fail (a relative GOWORK, a go.work
 * that cannot be read or uses a directory without go.mod) or a listed item finds no file.
 */
async function discoverGoSums(options) {
    const { goSum, workingDirectory } = options;
    if (!(await isDirectory(workingDirectory))) {
        throw new InputError(constants/* Inputs */.G0.WorkingDirectory, workingDirectory, 'is not a directory');
    }
    if (goSum.kind === 'none')
        return nothing();
    if (goSum.kind === 'listed') {
        // Go runs in workspace mode there all the same: what the build fetches follows from it.
        const workspace = await findWorkspace(workingDirectory, options.env).catch(() => undefined);
        const listed = await expandListed(goSum.items, workingDirectory);
        if (workspace === undefined)
            return setAsideVendoredModules(listed, options.env.GOFLAGS);
        const root = { dir: (0,external_node_path_namespaceObject.dirname)(workspace), file: workspace, workspace: true };
        return setAsideIfVendored({ ...listed, workspace, found: true }, root, options.env.GOFLAGS);
    }
    const workspace = await findWorkspace(workingDirectory, options.env);
    if (workspace !== undefined) {
        const flag = modfileFlag(options.env.GOFLAGS);
        if (flag !== undefined) {
            throw autoError(`GOFLAGS sets -modfile=${flag}, which the go command refuses in the workspace ${workspace} ("-modfile cannot be used in workspace mode")`);
        }
        const root = { dir: (0,external_node_path_namespaceObject.dirname)(workspace), file: workspace, workspace: true };
        return setAsideIfVendored(await readWorkspace(workspace), root, options.env.GOFLAGS);
    }
    const goMod = await findUp(workingDirectory, 'go.mod');
    // golang.org/issue/26708: a go.mod left in the temporary directory is not a module root.
    if (goMod === undefined || (0,external_node_path_namespaceObject.dirname)(goMod) === (0,external_node_path_namespaceObject.resolve)(options.tempDir ?? (0,external_node_os_namespaceObject.tmpdir)())) {
        const flag = modfileFlag(options.env.GOFLAGS);
        if (flag === undefined)
            return nothing();
        throw autoError(`GOFLAGS sets -modfile=${flag}, but there is no go.mod (the go command fails: "cannot find main module, but -modfile was set")`);
    }
    return moduleBuild(goMod, workingDirectory, options.env.GOFLAGS);
}
/**
 * The module whose root holds `goMod`. With GOFLAGS -modfile (relative to the working directory)
 * the go command reads that file instead for the build (requirements, go line) and the go.sum
 * beside it (`x.mod` → `x.sum`); the toolchain it switches to, vendor/ and replacement
 * directories still come from go.mod and the module root (toolchain/select.go reads go.mod).
 */
async function moduleBuild(goMod, workingDirectory, goflags) {
    const flag = modfileFlag(goflags);
    if (flag !== undefined && !flag.endsWith('.mod')) {
        throw autoError(`GOFLAGS sets -modfile=${flag}: file does not have .mod extension (go fails too)`);
    }
    const modFile = flag === undefined ? goMod : (0,external_node_path_namespaceObject.resolve)(workingDirectory, flag);
    const goSumFile = sumFileOf(modFile);
    const present = await isFile(goSumFile);
    const build = {
        goSumFiles: present ? [goSumFile] : [],
        toolchainFiles: [goMod],
        found: true,
        ...(!present && { missingGoSum: goSumFile }),
        ...(flag !== undefined && { modFile: { path: modFile, moduleRoot: (0,external_node_path_namespaceObject.dirname)(goMod) } })
    };
    const root = { dir: (0,external_node_path_namespaceObject.dirname)(goMod), file: modFile, workspace: false };
    return setAsideIfVendored(build, root, goflags);
}
/** The go.sum of a module file: `go.mod` → `go.sum`, `x.mod` → `x.sum`. */
function sumFileOf(modFile) {
    return `${modFile.slice(0, -'.mod'.length)}.sum`;
}
/** The module file whose go.sum is missing, and that go.sum; undefined when none is. */
function withoutGoSum(found) {
    const goSum = found.missingGoSum;
    if (goSum === undefined)
        return undefined;
    return { goMod: found.modFile?.path ?? (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(goSum), 'go.mod'), goSum };
}
/** The module's or workspace's build, its go.sum files set aside when Go builds it from vendor/. */
async function setAsideIfVendored(build, root, goflags) {
    const mode = await vendorModeOf(root, goflags);
    if (mode === undefined)
        return build;
    const { missingGoSum: _none, ...modules } = build;
    return { ...modules, goSumFiles: [], vendored: [{ ...mode, goSumFiles: build.goSumFiles }] };
}
/**
 * Listed go.sum files outside a workspace: each is its module's (the go.mod beside it), and is
 * set aside when Go builds that module from vendor/.
 */
async function setAsideVendoredModules(listed, goflags) {
    const goSumFiles = [];
    const vendored = [];
    for (const file of listed.goSumFiles) {
        const root = {
            dir: (0,external_node_path_namespaceObject.dirname)(file),
            file: (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(file), 'go.mod'),
            workspace: false
        };
        const mode = (0,external_node_path_namespaceObject.basename)(file) === 'go.sum' && (await isFile(root.file))
            ? await vendorModeOf(root, goflags)
            : undefined;
        if (mode === undefined)
            goSumFiles.push(file);
        else
            vendored.push({ ...mode, goSumFiles: [file] });
    }
    return { ...listed, goSumFiles, found: true, ...(vendored.length > 0 && { vendored }) };
}
function autoError(reason) {
    return new InputError(constants/* Inputs */.G0.GoSum, 'auto', reason);
}
/** The go.work in use: GOWORK `off` none, empty or `auto` the nearest one up, else its path. */
async function findWorkspace(dir, env) {
    const gowork = env.GOWORK ?? '';
    if (gowork === 'off')
        return undefined;
    if (gowork === '' || gowork === 'auto')
        return findUp(dir, 'go.work');
    if (!(0,external_node_path_namespaceObject.isAbsolute)(gowork)) {
        throw autoError(`cannot find the workspace: GOWORK=${gowork} is not an absolute path`);
    }
    return gowork;
}
/** The go.sum of every module the workspace uses, then its own go.work.sum. */
async function readWorkspace(goWork) {
    const text = await (0,promises_.readFile)(goWork, 'utf8').catch((err) => {
        throw autoError(`cannot read the workspace ${goWork} (${err.code ?? err.message})`);
    });
    let uses;
    try {
        uses = parseUseDirectives(text);
    }
    catch (err) {
        throw autoError(`cannot read the workspace ${goWork}: ${err.message}`);
    }
    const goSumFiles = [];
    for (const dir of new Set(uses.map(use => (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.dirname)(goWork), use)))) {
        if (!(await isFile((0,external_node_path_namespaceObject.join)(dir, 'go.mod')))) {
            throw autoError(`the workspace ${goWork} uses ${dir}, which has no go.mod (go fails too)`);
        }
        goSumFiles.push((0,external_node_path_namespaceObject.join)(dir, 'go.sum'));
    }
    // The workspace's own sums sit next to it: go.work.sum for go.work, x.work.sum for x.work.
    goSumFiles.push(`${goWork}.sum`);
    return {
        goSumFiles: await existing(goSumFiles),
        toolchainFiles: [goWork],
        workspace: goWork,
        found: true
    };
}
/** The file `name` in dir or the nearest directory above it (files only, links followed). */
async function findUp(dir, name) {
    for (let current = (0,external_node_path_namespaceObject.resolve)(dir);; current = (0,external_node_path_namespaceObject.dirname)(current)) {
        const candidate = (0,external_node_path_namespaceObject.join)(current, name);
        if (await isFile(candidate))
            return candidate;
        if ((0,external_node_path_namespaceObject.dirname)(current) === current)
            return undefined;
    }
}
async function existing(files) {
    const present = await Promise.all(files.map(isFile));
    return files.filter((_, i) => present[i]);
}

;// CONCATENATED MODULE: ./src/build/gomod.ts
// The toolchain a go.mod or go.work asks for, by the go command's rules (cmd/go/internal/toolchain
// select.go, gover/gomod.go), and the golang.org/toolchain module that delivers it.




/**
 * gover.GoModLookup: the value of the first line that starts with `key` and a space or tab, its
 * `//` comment dropped; '' when there is none. The go command reads go.mod this way to pick a
 * toolchain (before it parses the file), so blocks and other lines never matter.
 */
function goModLookup(text, key) {
    for (const raw of text.split('\n')) {
        const line = (0,strings/* trimSpace */.Pd)(raw);
        if (!line.startsWith(key))
            continue;
        const rest = line.slice(key.length);
        if (rest[0] !== ' ' && rest[0] !== '\t')
            continue;
        return (0,strings/* trimSpace */.Pd)(rest.split('//', 1)[0]);
    }
    return '';
}
// Every go command that switches toolchains is Go 1.21.0 or later: it never needs one up to that.
const FIRST_SWITCHING_GO = '1.21.0';
/**
 * The toolchain a go.mod or go.work needs, as toolchain.Select picks it for a Go older than
 * every requirement: the later of the `toolchain` line and the `go` line (a language version
 * such as `go 1.22` asks for its first release, go1.22.0), the toolchain line on a tie.
 * `toolchain default` means the installed Go, always. Undefined when nothing newer than Go 1.21.0
 * is asked for. Throws GoEnvError on a toolchain line the go command refuses.
 */
function toolchainOf(text) {
    const toolchain = goModLookup(text, 'toolchain');
    if (toolchain === 'default')
        return undefined;
    let need;
    if (toolchain !== '') {
        const version = versionOfToolchain(toolchain);
        if (version === '')
            throw new errors/* GoEnvError */.O(`invalid toolchain ${(0,strings/* quote */.hD)(toolchain)}`);
        need = { name: toolchain, version, from: 'toolchain' };
    }
    const go = goModLookup(text, 'go');
    if (isValidGo(go) && compareGo(go, need?.version ?? '') > 0) {
        const release = isLanguageVersion(go) && compareGo(go, '1.21') >= 0 ? `${go}.0` : go;
        need = { name: `go${release}`, version: release, from: 'go' };
    }
    return need && compareGo(need.version, FIRST_SWITCHING_GO) > 0 ? need : undefined;
}
/**
 * The module version the go command downloads for a toolchain: `v0.0.1-<name>.<GOOS>-<GOARCH>`,
 * with the GOARCH of the running Go (`arm`, not the `armv6l` of release archive names).
 */
function toolchainModule(name, platform) {
    return {
        path: TOOLCHAIN_MODULE,
        version: `v0.0.1-${name}.${platform.goos}-${platform.goarch}`
    };
}

;// CONCATENATED MODULE: ./src/build/gosum.ts
// go.sum files as the go command reads them (cmd/go/internal/modfetch/fetch.go readGoSum and its
// users), into the module versions of the build, each hash with the file and line it came from.





/** What two go.sum lines of one zip say together: fetched if either says so. */
function eitherFetches(a, b) {
    if (a === true || b === true)
        return true;
    return a === 'when-selected' || b === 'when-selected' ? 'when-selected' : false;
}
// An old go command bug wrote this hash (a 0-byte go.mod) for non-modules; Go drops such lines.
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';
// A SHA-256 in standard base64.
const H1 = /^h1:[A-Za-z0-9+/]{43}=$/;
const MOD_SUFFIX = '/go.mod';
const FIELDS = { mod: ['modHash', 'modAt'], zip: ['zipHash', 'zipAt'] };
function malformed(file, line, reason) {
    return new InputError(constants/* Inputs */.G0.GoSum, file, `line ${line} is malformed: ${reason}`);
}
/**
 * The lines of one go.sum that our checks use. As the go command: blank lines are skipped, a line
 * without exactly three fields is an error, lines with the empty-go.mod hash are dropped, and
 * hashes of other algorithms than `h1:` are ignored (a later Go may add some). Stricter than Go,
 * which would only fail once it used the line: a module version that is not valid, or an `h1:`
 * hash that is not a SHA-256, is an error here, since no proxy could ever match it.
 */
function parseGoSum(text, file) {
    const entries = [];
    for (const [index, content] of text.split('\n').entries()) {
        const line = index + 1;
        const f = (0,strings/* fields */.OA)(content);
        if (f.length === 0)
            continue;
        if (f.length !== 3)
            throw malformed(file, line, `wrong number of fields ${f.length}`);
        const [path, listed, hash] = f;
        if (hash === EMPTY_GO_MOD_HASH || !hash.startsWith('h1:'))
            continue;
        if (!H1.test(hash))
            throw malformed(file, line, `${hash} is not an h1: hash (SHA-256, base64)`);
        const kind = listed.endsWith(MOD_SUFFIX) ? 'mod' : 'zip';
        const version = kind === 'mod' ? listed.slice(0, -MOD_SUFFIX.length) : listed;
        try {
            checkVersion(path, version);
        }
        catch (err) {
            throw malformed(file, line, err.message);
        }
        entries.push({ path, version, kind, hash, file, line });
    }
    return entries;
}
/**
 * One module version per path and version, in the order they first appear. The same hash in
 * several files (a workspace, a monorepo) keeps its first place. Two different `h1:` hashes for
 * the same file of a module version are an error: one of them is wrong whatever a proxy serves,
 * and the go command refuses to go on (checksum mismatch) when it meets both.
 */
function collectModules(entries, fetchesZip = () => true) {
    const modules = new Map();
    for (const entry of entries) {
        const key = `${entry.path}@${entry.version}`;
        const module = modules.get(key) ?? { path: entry.path, version: entry.version };
        modules.set(key, module);
        if (entry.kind === 'zip')
            module.zipFetched = eitherFetches(module.zipFetched, fetchesZip(entry));
        const [hashField, atField] = FIELDS[entry.kind];
        const known = module[hashField];
        const at = module[atField];
        if (known === undefined) {
            module[hashField] = entry.hash;
            module[atField] = { file: entry.file, line: entry.line };
        }
        else if (known !== entry.hash) {
            const what = entry.kind === 'mod' ? `${key}${MOD_SUFFIX}` : key;
            const reason = `line ${entry.line} says ${entry.hash} for ${what}, but ${at?.file}:${at?.line} says ${known}: one of them is wrong`;
            throw new InputError(constants/* Inputs */.G0.GoSum, entry.file, reason);
        }
    }
    return [...modules.values()];
}
/** Reads go.sum files, in order, into the build's module versions (see parseGoSum, collectModules). */
async function readGoSumFiles(files, fetchesZip) {
    const entries = [];
    for (const file of files) {
        const text = await (0,promises_.readFile)(file, 'utf8').catch((err) => {
            throw new InputError(constants/* Inputs */.G0.GoSum, file, `cannot be read (${err.code ?? err.message})`);
        });
        entries.push(...parseGoSum(text, file));
    }
    return collectModules(entries, fetchesZip);
}

;// CONCATENATED MODULE: ./src/build/requires.ts
// What of a module's go.sum its build fetches, as `go mod download` without arguments fetches it
// (cmd/go/internal/modcmd/download.go, modload/buildlist.go readModGraph). From a go.mod at
// go 1.17 or later (a pruned module graph): the zips of the modules its `require` lines name,
// and the go.mod files of the graph Go loads — each required module's, and below any module whose
// own go.mod is older than 1.17, every requirement's, transitively — each as the main module's
// `replace` lines replace it. go.sum also keeps hashes that only `go mod tidy` or `go test all`
// need; a build never fetches those. From an older go.mod, the go.mod of every module the graph
// reaches, and the zip of every module of the build list; without a go line, the same graph but
// fewer zips (see ModGraph.noGoLine).



/** The first Go whose go.mod lists every module that provides a package (gover.ExplicitIndirectVersion). */
const PRUNING_GO = '1.17';
function prunes(found) {
    const go = found.find(s => s.verb === 'go')?.args[0];
    return go !== undefined && isValidGo(go) && compareGo(go, PRUNING_GO) >= 0;
}
/** module.CanonicalVersion: `v1.2` is v1.2.0, build metadata dropped but `+incompatible`. */
function canonicalVersion(version) {
    const v = semver_canonical(version);
    if (v === '')
        return undefined;
    return build(version) === '+incompatible' ? `${v}+incompatible` : v;
}
class NotAVersion extends Error {
}
/** The `verb` lines, as modfile reads them (versions made canonical); throws NotAVersion. */
function requirements(found, verb = 'require') {
    return found.flatMap(({ verb: v, args: [path, raw] }) => {
        if (v !== verb || path === undefined || raw === undefined)
            return [];
        const version = canonicalVersion(raw);
        if (version === undefined)
            throw new NotAVersion(raw);
        return [{ path, version }];
    });
}
/**
 * The `replace` lines, keyed `path@version` or `path`. Versions are made canonical as for require
 * lines (`v1.2` is v1.2.0, as Go reads go.work; `go mod edit -replace` writes such lines), so a
 * replacement matches the versions the graph holds.
 */
function replacements(found) {
    const replaced = new Map();
    const canonicalOr = (v) => canonicalVersion(v) ?? v;
    for (const { args } of found.filter(s => s.verb === 'replace')) {
        const arrow = args.indexOf('=>');
        if (arrow < 1)
            continue;
        const [path, version] = args.slice(0, arrow);
        const [target, targetVersion] = args.slice(arrow + 1);
        if (target === undefined)
            continue;
        // `P => ../dir` has no version on the right: a directory, as modfile reads it.
        const to = targetVersion === undefined
            ? { directory: target }
            : { path: target, version: canonicalOr(targetVersion) };
        replaced.set(version === undefined ? path : `${path}@${canonicalOr(version)}`, to);
    }
    return replaced;
}
/** The module Go fetches for `m`: its replacement when the main module replaces it. */
function replaced(m, by) {
    return by.get(`${m.path}@${m.version}`) ?? by.get(m.path) ?? m;
}
/**
 * The zips a build of this go.mod fetches: those of the versions selected for the paths its
 * `require` lines name, as replaced; undefined when it fetches every module of the build list (a
 * go.mod before go 1.17, or without a go line). `file` names the go.mod in errors (a string that
 * does not end on its line).
 */
function zipsFetched(goMod, file) {
    const found = statements(goMod, file);
    if (!prunes(found))
        return undefined;
    const by = replacements(found);
    const fetched = { keys: new Set(), paths: new Set() };
    for (const m of requirements(found)) {
        const to = replaced(m, by);
        if ('path' in to) {
            fetched.keys.add(`${to.path}@${to.version}`);
            fetched.paths.add(to.path);
        }
        // A replacement of one version misses when Go selects another: then the module itself.
        if (by.has(`${m.path}@${m.version}`))
            fetched.paths.add(m.path);
    }
    return fetched;
}
/** The directories this go.mod's `replace` lines name (relative to it unless absolute). */
function replacementDirectories(goMod, file) {
    return [...replacements(statements(goMod, file)).values()].flatMap(to => 'directory' in to ? [to.directory] : []);
}
/**
 * The module graph this go.mod loads, when it can be followed from the files the proxies serve
 * and the go.mod files of its replacement directories (`onDisk`, by directory as written):
 * undefined when go.mod requires a version it excludes (the go command then fails or, before
 * Go 1.16, loads another version).
 */
function modGraphOf(goMod, file, onDisk = new Map()) {
    const found = statements(goMod, file);
    const replacementsByKey = new Map();
    for (const [key, to] of replacements(found))
        replacementsByKey.set(key, withGoMod(to, onDisk));
    try {
        const roots = requirements(found);
        const excluded = new Set(requirements(found, 'exclude').map(m => `${m.path}@${m.version}`));
        if (roots.some(m => excluded.has(`${m.path}@${m.version}`)))
            return undefined;
        const main = found.find(s => s.verb === 'module')?.args[0];
        const graph = {
            main,
            unpruned: !prunes(found),
            roots,
            replacements: replacementsByKey,
            excluded
        };
        if (!found.some(s => s.verb === 'go'))
            graph.noGoLine = true;
        return graph;
    }
    catch (err) {
        if (err instanceof NotAVersion)
            return undefined;
        throw err;
    }
}
/**
 * A replacement as the graph uses it: a directory with its go.mod from `onDisk`, if there. It is
 * read only if the graph reaches it: a replacement nothing requires may name no directory at all
 * (etcd's `=> ./FORBIDDEN_DEPENDENCY`).
 */
function withGoMod(to, onDisk) {
    if ('path' in to)
        return to;
    const text = onDisk.get(to.directory);
    const goMod = text === undefined ? undefined : summarizeGoMod(text);
    return { directory: to.directory, ...(goMod && { goMod }) };
}
/** A served go.mod's part in the graph; undefined when it cannot be read (nor a version in it). */
function summarizeGoMod(text) {
    try {
        const found = statements(text, 'go.mod');
        return {
            pruned: prunes(found),
            requires: requirements(found).map(m => `${m.path}@${m.version}`)
        };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/build/workspace.ts
// The module graph of a workspace (go.work), as modload loads it: each module's requirements, go.work's
// replacements merged with each module's (initWorkspace), and every module's excludes.



/**
 * The module graph of a workspace, from the go.mod of each module it uses, and the go.mod of each
 * replacement directory (`onDisk`, by absolute directory): undefined where this reader does not
 * follow Go, so every line counts: a go.mod it cannot read, replacements Go refuses (a workspace
 * module replaced at all versions, two modules replacing one module differently), a required
 * version a module excludes.
 */
function workspaceGraphOf(goWork, goMods, onDisk = new Map()) {
    try {
        const modFiles = goMods.map(f => statements(f.text, 'go.mod'));
        const workspace = modFiles.map(found => ({
            path: found.find(s => s.verb === 'module')?.args[0] ?? '',
            requires: requirements(found),
            unpruned: !prunes(found)
        }));
        if (workspace.some(m => m.path === ''))
            return undefined;
        const merged = workspaceReplacements(goWork, goMods, modFiles, new Set(workspace.map(m => m.path)));
        // Every workspace module's excludes apply to the whole graph (modload's CheckExclusions).
        const excluded = new Set(modFiles.flatMap(found => requirements(found, 'exclude')).map(m => `${m.path}@${m.version}`));
        const requires = workspace.flatMap(m => m.requires);
        if (!merged || requires.some(m => excluded.has(`${m.path}@${m.version}`)))
            return undefined;
        const replacementsByKey = new Map();
        for (const [key, to] of merged)
            replacementsByKey.set(key, withGoMod(to, onDisk));
        return { unpruned: false, roots: [], replacements: replacementsByKey, excluded, workspace };
    }
    catch {
        return undefined;
    }
}
/**
 * Each replaced module version as the go command resolves it (modload replacementFrom), keyed
 * `path@version` for a version some file names and `path` for any other: go.work's replacement
 * first; else each module's in `use` order, the last match winning, but a later version-specific
 * match that differs is a conflict. Directories are made absolute, each from its own file.
 * Undefined where Go refuses: a workspace module replaced at all versions in go.work, one key
 * replaced two ways by two modules (makeMainModules), a conflict.
 */
function workspaceReplacements(goWork, goMods, modFiles, mainPaths) {
    const absolute = (found, dir) => new Map([...found].map(([key, to]) => [
        key,
        'directory' in to ? { directory: (0,external_node_path_namespaceObject.resolve)(dir, to.directory) } : to
    ]));
    const work = absolute(replacements(statements(goWork.text, 'go.work')), goWork.dir);
    if ([...work.keys()].some(key => mainPaths.has(key)))
        return undefined;
    const own = modFiles.map((found, i) => absolute(replacements(found), goMods[i].dir));
    if (twoWays(work, own))
        return undefined;
    const merged = new Map();
    for (const key of new Set([work, ...own].flatMap(by => [...by.keys()]))) {
        const to = replacementOf(key, work, own);
        if (to === 'conflict')
            return undefined;
        if (to)
            merged.set(key, to);
    }
    return merged;
}
/** Whether two modules replace one key (a path, or path@version) differently, go.work aside. */
function twoWays(work, own) {
    const byWork = new Set([...work.keys()].map(pathOf));
    const seen = new Map();
    for (const [key, to] of own.flatMap(by => [...by])) {
        if (byWork.has(pathOf(key)))
            continue;
        const before = seen.get(key);
        if (before && !sameTarget(before, to))
            return true;
        seen.set(key, to);
    }
    return false;
}
/** What `key` (path@version, or a path: a version no file names) is replaced by; see above. */
function replacementOf(key, work, own) {
    const path = pathOf(key);
    // replacement(): the version itself first, then the path at any version.
    const match = (by) => {
        const exact = key !== path ? by.get(key) : undefined;
        if (exact)
            return { exact: true, to: exact };
        const any = by.get(path);
        return any && { exact: false, to: any };
    };
    const fromWork = match(work);
    if (fromWork)
        return fromWork.to;
    let found;
    for (const by of own) {
        const next = match(by);
        if (!next)
            continue;
        if (found && next.exact && !sameTarget(found, next.to))
            return 'conflict';
        found = next.to;
    }
    return found;
}
function sameTarget(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function pathOf(key) {
    const at = key.lastIndexOf('@');
    return at < 0 ? key : key.slice(0, at);
}

;// CONCATENATED MODULE: ./src/build/queries.ts
// Versions a main module's go.mod spells as queries (`v1.2`, `latest`, a branch), and that go.mod
// as the go command rewrites it once they are resolved (see goenv/version-query.ts).


/**
 * The versions of a main module's go.mod (its require, exclude and replace lines) that the go
 * command reads as queries (modload's fixVersion): each one not canonical (`v1.2`, `master`,
 * `v1.2.3+meta`). Go resolves it to the version it matches (`v1.2` to the newest v1.2.x) and
 * rewrites the line where it may change go.mod; a build that may not stops ("updates to go.mod
 * needed"), but in a workspace Go resolves it and builds. A dependency's go.mod or a go.work has
 * them made canonical instead.
 */
function queriedVersions(goMod, file) {
    const verbs = ['require', 'exclude', 'replace'];
    return statements(goMod, file).flatMap(({ verb: written, args, line }) => {
        const verb = verbs.find(v => v === written);
        if (verb === undefined)
            return [];
        const queried = (path, version) => path !== undefined && version !== undefined && canonicalVersion(version) !== version
            ? [{ line, verb, path, version }]
            : [];
        if (verb !== 'replace')
            return queried(args[0], args[1]);
        const arrow = args.indexOf('=>');
        if (arrow < 1)
            return [];
        return [
            ...queried(args[0], arrow === 2 ? args[1] : undefined),
            ...queried(args[arrow + 1], args[arrow + 2])
        ];
    });
}
/**
 * go.mod as the go command rewrites it once it has resolved its queries: each queried version
 * that `resolved` holds (keyed `path query`) replaced by the version it resolves to. A line this
 * cannot rewrite (a quoted version) stays a query, and its go.mod is read as one.
 */
function withQueriesResolved(goMod, resolved) {
    if (resolved.size === 0)
        return goMod;
    try {
        const lines = goMod.split('\n');
        for (const { line, path, version } of queriedVersions(goMod, 'go.mod')) {
            const to = resolved.get(`${path} ${version}`);
            if (to === undefined)
                continue;
            const written = new RegExp(`(^|[\\s(])(${escapeRegExp(path)}\\s+)${escapeRegExp(version)}(?=[\\s)]|//|$)`);
            lines[line - 1] = lines[line - 1].replace(written, (_, before, pathAnd) => `${before}${pathAnd}${to}`);
        }
        return lines.join('\n');
    }
    catch {
        // A go.mod this reader cannot read: it is read as it is (every line counts).
        return goMod;
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/build/graphs.ts
// What a build's main modules (their go.mod files, or a workspace's) say of the files it fetches:
// the module graphs Go loads and the zips a download fetches, read from the files on disk, with
// each version a go.mod spells as a query resolved as the walk found it (see goenv/version-query.ts).







/**
 * The module graph of the workspace a go.work file describes, from the go.mod of each module it
 * uses; no graph when one cannot be read, holds queried versions, or the graph cannot be followed
 * (every line counts).
 */
async function workspaceGraph(goWork, resolved) {
    const text = await readText(goWork);
    if (text === undefined)
        return {};
    try {
        const work = { text, dir: (0,external_node_path_namespaceObject.dirname)(goWork) };
        const dirs = new Set(parseUseDirectives(text).map(use => (0,external_node_path_namespaceObject.resolve)(work.dir, use)));
        const goMods = [];
        const queried = [];
        for (const dir of dirs) {
            const goMod = await readGoMod((0,external_node_path_namespaceObject.join)(dir, 'go.mod'), resolved);
            if (goMod === undefined)
                return {};
            goMods.push({ text: goMod, dir });
            queried.push(...queriedLines(goMod, (0,external_node_path_namespaceObject.join)(dir, 'go.mod')));
        }
        if (queried.length > 0)
            return { queried };
        const onDisk = new Map();
        for (const file of [
            { ...work, name: 'go.work' },
            ...goMods.map(m => ({ ...m, name: 'go.mod' }))
        ]) {
            for (const [dir, goMod] of await replacementGoMods(file.text, file.name, file.dir))
                onDisk.set((0,external_node_path_namespaceObject.resolve)(file.dir, dir), goMod);
        }
        return { graph: workspaceGraphOf(work, goMods, onDisk) };
    }
    catch {
        // A string this reader cannot unquote: every line counts.
        return {};
    }
}
function queriedLines(goMod, file) {
    return queriedVersions(goMod, 'go.mod').map(v => ({ ...v, file }));
}
function readText(file) {
    return (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
}
/** A main module's go.mod as Go reads it once it has resolved the queries the walk resolved. */
async function readGoMod(file, resolved) {
    const text = await readText(file);
    return text === undefined ? undefined : withQueriesResolved(text, resolved);
}
/**
 * The zips a go.mod requires, but for versions a query resolved to: Go rewrote the line with a
 * version the module graph may pass over (it is no tidy requirement), so its zip is fetched only
 * when selected.
 */
function withoutResolved(zips, written, resolved) {
    if (!zips || resolved.size === 0)
        return zips;
    for (const { verb, path, version } of queriedVersions(written, 'go.mod')) {
        if (verb === 'require')
            zips.keys.delete(`${path}@${resolved.get(`${path} ${version}`)}`);
    }
    return zips;
}
/**
 * The main module of each go.sum: its go.mod (beside it, or GOFLAGS -modfile's), when the go.sum
 * is a module's (not a workspace's, where `go mod download` fetches all of the build list) and
 * that go.mod exists.
 */
async function mainModules(found, resolved) {
    const byFile = new Map();
    if (found.workspace !== undefined)
        return byFile;
    for (const file of moduleSums(found)) {
        const goMod = goModOf(found, file);
        const written = goMod && (await readText(goMod.path));
        if (goMod === undefined || written === undefined)
            continue;
        try {
            const text = withQueriesResolved(written, resolved);
            const queried = queriedLines(text, goMod.path);
            if (queried.length > 0) {
                byFile.set(file, { zips: undefined, graph: undefined, queried });
                continue;
            }
            const onDisk = await replacementGoMods(text, 'go.mod', goMod.moduleRoot);
            byFile.set(file, {
                zips: withoutResolved(zipsFetched(text, 'go.mod'), written, resolved),
                graph: modGraphOf(text, 'go.mod', onDisk),
                queried
            });
        }
        catch {
            // A string this reader cannot unquote (Go's escapes go beyond JSON's): every line counts.
        }
    }
    return byFile;
}
/** The go.mod the go command reads for a module's go.sum; undefined for other sums. */
function goModOf(found, goSum) {
    const modFile = found.modFile;
    if (modFile && goSum === sumFileOf(modFile.path))
        return modFile;
    if ((0,external_node_path_namespaceObject.basename)(goSum) !== 'go.sum')
        return undefined;
    return { path: (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(goSum), 'go.mod'), moduleRoot: (0,external_node_path_namespaceObject.dirname)(goSum) };
}
/**
 * The go.mod of each directory a go.mod (or go.work, `name`) replaces a module by, keyed as
 * written (relative to `dir` unless absolute); undefined when it cannot be read.
 */
async function replacementGoMods(text, name, dir) {
    const onDisk = new Map();
    for (const written of replacementDirectories(text, name)) {
        onDisk.set(written, await readText((0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.resolve)(dir, written), 'go.mod')));
    }
    return onDisk;
}
/**
 * A go.sum's zip line is fetched when its go.mod requires that version; of another version of a
 * required module, or before go 1.17, when the module graph selects it; else when nothing can
 * tell (a graph that cannot be followed walks every 'when-selected' zip too).
 */
function zipsFetchedBy(mains) {
    return entry => {
        const main = mains.get(entry.file);
        if (main?.zips) {
            if (main.zips.keys.has(`${entry.path}@${entry.version}`))
                return true;
            return main.zips.paths.has(entry.path) && 'when-selected';
        }
        return main?.graph ? 'when-selected' : true;
    };
}
/** The go.sum files read, and the one a module has none of yet (read as empty). */
function moduleSums(found) {
    return found.missingGoSum ? [...found.goSumFiles, found.missingGoSum] : found.goSumFiles;
}
/** The graphs to follow for go.mod lines: only when every go.sum has one, else every line counts. */
function modGraphsOf(found, mains) {
    const graphs = moduleSums(found).map(file => mains.get(file)?.graph);
    return graphs.every(g => g !== undefined) ? graphs : undefined;
}

;// CONCATENATED MODULE: ./src/goenv/version-query.ts
// A version a main module's go.mod spells as a query (`v1.2`, `latest`, `>=v1.2.0`, a branch), as
// the go command resolves it before it rewrites the line (modload fixVersion → Query →
// queryProxy, newQueryMatcher): most queries are matched against the proxy's @v/list, releases
// before pre-releases, and the version picked read with its .info; `latest` with no listed
// version asks @latest; a revision (a branch, a commit, `v1.2.3+meta`) is asked as its own .info.

/** `v1` or `v1.2`: the newest version under that prefix (Go's isSemverPrefix). */
function isSemverPrefix(query) {
    return /^v\d+(\.\d+)?$/.test(query) && isValid(query);
}
const COMPARISONS = {
    '<=': c => c <= 0,
    '<': c => c < 0,
    '>=': c => c >= 0,
    '>': c => c > 0
};
/** What `query` (of a go.mod with no version of the module to start from) matches. */
function queryMatch(query) {
    const any = () => true;
    if (query === 'latest' || query === 'upgrade') {
        return { kind: 'list', accepts: any, preferLower: false, latest: true };
    }
    if (query === 'patch')
        return { kind: 'refused', problem: 'no existing version is required' };
    const comparison = /^(<=|<|>=|>)(.*)$/.exec(query);
    if (comparison) {
        const [, op, bound] = comparison;
        if (!isValid(bound)) {
            return { kind: 'refused', problem: `invalid semantic version "${bound}" in range "${query}"` };
        }
        // `<=v1.2` and `>v1.2` could mean v1.2.0 or all of v1.2.x: Go refuses to guess.
        if ((op === '<=' || op === '>') && isSemverPrefix(bound)) {
            return {
                kind: 'refused',
                problem: `ambiguous semantic version "${bound}" in range "${query}"`
            };
        }
        const accepts = (v) => COMPARISONS[op](compare(v, bound));
        return { kind: 'list', accepts, preferLower: op.startsWith('>'), latest: false };
    }
    if (isSemverPrefix(query)) {
        // `v1.2` does not take v1.2.0-pre (golang.org/issue/31972).
        const accepts = (v) => v.startsWith(`${query}.`) && compare(v, query) >= 0;
        return { kind: 'list', accepts, preferLower: false, latest: false };
    }
    return { kind: 'revision' };
}
/**
 * The version a list query picks: among the accepted versions, releases before pre-releases,
 * the highest (the lowest for `>` and `>=`); undefined when none ("no matching versions").
 */
function pickFromList(versions, match) {
    const accepted = versions.filter(match.accepts);
    const best = (vs) => vs.reduce((a, v) => {
        if (a === undefined)
            return v;
        const c = compare(v, a);
        return (match.preferLower ? c < 0 : c > 0) ? v : a;
    }, undefined);
    return best(accepted.filter(v => prerelease(v) === '')) ?? best(accepted);
}
/**
 * The .info files a revision query asks, in turn: as written, then, for a semantic version that
 * is not canonical (`v1.2.3+meta`), under its canonical form.
 */
function revisionsOf(query) {
    const canonical = isValid(query) ? semver_canonical(query) : query;
    return canonical === query ? [query] : [query, canonical];
}

;// CONCATENATED MODULE: ./src/build/read.ts
// The build: the module versions of the go.sum files found, and the toolchains their go.mod or
// go.work files ask for.








/**
 * Reads what discoverGoSums found. Throws InputError (naming `go-sum`) on a file that cannot be
 * read, a malformed go.sum line, two go.sum lines that disagree, or a toolchain line the go
 * command refuses.
 */
async function readBuild(found, platform) {
    const toolchains = new Map();
    let toolchainUnasked = found.toolchainFiles.length === 0;
    for (const file of found.toolchainFiles) {
        const need = await readToolchain(file);
        toolchainUnasked ||= need === undefined;
        if (need === undefined || toolchains.has(need.name))
            continue;
        const module = platform && toolchainModule(need.name, platform);
        toolchains.set(need.name, { ...need, file, ...(module && { module }) });
    }
    const files = await readBuildFiles(found, new Map());
    files.queried.forEach(refuseAsGoDoes);
    // Each round of the walk asks again: the files are read once for each set of picks.
    const reread = new Map();
    const withResolved = (resolved) => {
        const key = JSON.stringify([...resolved]);
        const read = reread.get(key) ?? readBuildFiles(found, resolved);
        reread.set(key, read);
        return read;
    };
    return { ...files, toolchains: [...toolchains.values()], toolchainUnasked, withResolved };
}
async function readBuildFiles(found, resolved) {
    const mains = await mainModules(found, resolved);
    // A vendored workspace loads no module graph: the go command reads vendor/modules.txt instead.
    const { graph: workspace, queried = [] } = found.workspace === undefined || found.vendored !== undefined
        ? {}
        : await workspaceGraph(found.workspace, resolved);
    const modules = await readGoSumFiles(found.goSumFiles, workspace ? () => 'when-selected' : zipsFetchedBy(mains));
    const modGraphs = found.workspace === undefined ? modGraphsOf(found, mains) : workspace && [workspace];
    return {
        modules,
        modGraphs,
        queried: [...[...mains.values()].flatMap(m => m.queried), ...queried]
    };
}
/**
 * A query the go command refuses before it asks any proxy (`patch` with nothing required, an
 * ambiguous range, a revision no version may spell): it fails on this go.mod, so does the step.
 */
function refuseAsGoDoes({ file, line, path, version }) {
    const match = queryMatch(version);
    let problem = match.kind === 'refused' ? match.problem : undefined;
    if (match.kind === 'revision') {
        try {
            revisionsOf(version).forEach(escapeVersion);
        }
        catch (err) {
            problem = `invalid version: ${err.message}`;
        }
    }
    if (problem === undefined)
        return;
    const reason = `line ${line}: ${path} ${version}: ${problem}, so the go command refuses it`;
    throw new InputError(constants/* Inputs */.G0.GoSum, file, reason);
}
async function readToolchain(file) {
    const text = await (0,promises_.readFile)(file, 'utf8').catch((err) => {
        throw new InputError(constants/* Inputs */.G0.GoSum, file, `cannot be read (${err.code ?? err.message})`);
    });
    try {
        return toolchainOf(text);
    }
    catch (err) {
        const reason = `sets an ${err.message}, so the go command refuses to run there`;
        throw new InputError(constants/* Inputs */.G0.GoSum, file, reason);
    }
}

;// CONCATENATED MODULE: ./src/build/toolchain-choice.ts


/**
 * What GOTOOLCHAIN makes of the toolchains the go.mod and go.work files ask for: `path` and
 * `local` download none (`path` only looks on PATH); a fixed name is downloaded whatever go.mod
 * says; `<name>+auto` downloads, for each file, the later of the name and what it asks for (the
 * name for a file that asks for nothing).
 */
function toolchainsToFetch({ toolchains: needs, toolchainUnasked }, setting, platform) {
    if (setting.mode === 'path')
        return [];
    const min = setting.min === undefined ? undefined : minimum(setting.min, platform);
    if (setting.mode === 'fixed')
        return min ? [min] : [];
    if (!min)
        return needs;
    const chosen = needs.map(need => (compareGo(need.version, min.version) > 0 ? need : min));
    return [...new Set(toolchainUnasked ? [...chosen, min] : chosen)];
}
/** The toolchain GOTOOLCHAIN names, as the build's own. */
function minimum(name, platform) {
    const module = platform && toolchainModule(name, platform);
    return {
        name,
        version: versionOfToolchain(name),
        from: 'GOTOOLCHAIN',
        file: 'GOTOOLCHAIN',
        ...(module && { module })
    };
}

;// CONCATENATED MODULE: ./src/probe/types.ts
/**
 * Who records a finding. Within one level, findings are ranked in this order (then in the order
 * they were recorded), so a candidate's reason never depends on which stage finished first.
 */
const STAGES = ['contact', 'probe', 'sumdb', 'build', 'route', 'staleness'];
/**
 * Ranked from worst to best: a candidate's verdict is the worst level among its findings, healthy
 * when there is none. `skipped` is only ever a candidate's one finding (an entry not probed).
 */
const LEVELS = ['tampered', 'unhealthy', 'degraded', 'healthy', 'skipped'];
function isUsable(verdict) {
    return verdict === 'healthy' || verdict === 'degraded';
}

;// CONCATENATED MODULE: ./src/cache/key.ts
// Verdict cache keys: a hash of what a verdict depends on, never of a credential.


const KEY_SCHEME = 'validate-goproxy/key@2';
/**
 * SHA-256 hex of a canonical JSON of the parts. User information is stripped from the URLs first
 * (the candidate's and GOSUMDB's), so that no key can be used to confirm a guessed password; that
 * the candidate's URL has some is kept, as a verdict won with credentials is not one without.
 */
function cacheKey(parts) {
    const canonical = JSON.stringify({
        scheme: KEY_SCHEME,
        url: stripCredentials(parts.url),
        userinfo: userinfoOf(parts.url),
        checks: parts.checks,
        modules: [...new Set(parts.modules)].sort(),
        gosumdb: gosumdbWithoutCredentials(parts.gosumdb),
        extra: parts.extra ?? null,
        credentials: parts.credentials ?? null
    });
    return (0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex');
}
/**
 * Whether the URL carries user information, never what: `none`, `empty` (`https://:@host`, as a
 * secret that is not set leaves it, which Go sends as an empty Basic auth) or `set`.
 */
function userinfoOf(url) {
    const user = credentialsOf(url);
    if (user === undefined)
        return 'none';
    return user.username === '' && user.password === '' ? 'empty' : 'set';
}

;// CONCATENATED MODULE: ./src/cache/sumdb.ts






/** The whole shape: a damaged entry is a miss, and the next run that checks replaces it. */
const isRemembered = object({
    gosumdb: string,
    reason: string,
    route: optional(string),
    mirrorUsed: schema_boolean
});
/**
 * The GOSUMDB decision is cached beside the verdicts: a run whose verdicts all come from the cache
 * proves no content and asks no route, so it must reuse the decision of the run that did — or it
 * would export a database URL that run found down instead of the sumdb mirror it chose.
 */
async function recallSumdb(store, plan, now, credentialsOf) {
    const key = sumdbKey(plan, credentialsOf);
    const entry = key === undefined ? undefined : await store.read(key, isRemembered);
    const ageMs = entry && ageOf(entry, now);
    if (!entry || ageMs === undefined || ageMs >= plan.cache.ttlMs)
        return undefined;
    const { payload } = entry;
    const gosumdb = withCredentials(plan, payload.gosumdb);
    if (gosumdb === undefined)
        return undefined;
    return { ...payload, ok: true, gosumdb, reason: `${payload.reason} (from cache)`, routes: [] };
}
/**
 * Stores the decision without the passwords of its URL: the cache may be uploaded to the Actions
 * cache, which other branches read. recallSumdb gives them back from the plan.
 */
async function rememberSumdb(store, plan, outcome, now, credentialsOf) {
    const key = sumdbKey(plan, credentialsOf);
    if (!outcome.ok || !key)
        return;
    const { reason, route, mirrorUsed } = outcome;
    const gosumdb = gosumdbWithoutCredentials(outcome.gosumdb);
    await store.write(key, { gosumdb, reason, route, mirrorUsed }, now);
}
/** The plan's spelling, credentials included, of a stored GOSUMDB: its own or a sumdb mirror's. */
function withCredentials(plan, stored) {
    const key = plan.gosumdb.kind === 'db' ? plan.gosumdb.verifierKey : undefined;
    const mirrors = key ? plan.sumdbMirrors.map(url => `${key} ${url}`) : [];
    return [plan.gosumdb.raw, ...mirrors].find(spelling => gosumdbWithoutCredentials(spelling) === stored);
}
/**
 * Keyed, as verdicts are, by which credentials every route's requests carry (the candidates', the
 * database's own host and the sumdb mirrors'): a decision made with credentials is not one for a
 * run without them. undefined (neither recalled nor kept) when some are unknown before a request.
 */
function sumdbKey(plan, credentialsOf = () => 'none') {
    const db = plan.gosumdb.kind === 'db' ? [plan.gosumdb.url ?? directUrl(plan.gosumdb)] : [];
    const urls = [...plan.candidates.map(c => entryText(c.entry)), ...db, ...plan.sumdbMirrors];
    const described = urls.map(credentialsOf);
    if (described.includes(undefined))
        return undefined;
    // Whether each URL has user info, and which GOAUTH credentials it gets; never their values.
    const credentials = urls.map((url, i) => `${userinfoOf(url)}:${described[i]}`);
    return cacheKey({
        url: 'gosumdb',
        checks: plan.checks,
        modules: plan.modules.map(m => m.text),
        gosumdb: plan.gosumdb.raw,
        extra: [...urls.map(stripCredentials), plan.network].join(' '),
        credentials: credentials.join(' ')
    });
}

;// CONCATENATED MODULE: ./src/cache/run-recall.ts


/**
 * Which cached verdicts may stand in for probes. A run whose verdicts all come from the cache
 * proves nothing against the checksum database, so it must reuse the GOSUMDB decision of the run
 * that did; only a decision that held is kept. Without one (that run failed on the database, or
 * the sumdb mirrors changed), every usable candidate is probed again and what it serves proved
 * again; a failed verdict still stands, so a dead mirror is not hammered. A run that needs no
 * database (GOSUMDB=off, `checks: quick`) takes every cached verdict.
 */
async function verdictRecall(verdicts, plan, recalledSumdb) {
    const needsNoDecision = plan.gosumdb.kind !== 'db' || plan.checks === 'quick';
    if (needsNoDecision || (await recalledSumdb()) !== undefined)
        return verdicts.recall;
    return async (candidate, modules) => {
        const recalled = await verdicts.recall(candidate, modules);
        return recalled.report && isUsable(recalled.report.verdict) ? {} : recalled;
    };
}
/** The cache's GOSUMDB decision, read at most once a run; none without a verdict cache. */
function recallSumdbOnce(plan, { store, credentialsOf, clock }) {
    let recalled;
    return () => (recalled ??= store
        ? recallSumdb(store, plan, clock.now(), credentialsOf)
        : Promise.resolve(undefined));
}

// EXTERNAL MODULE: ./src/gostd/urlescape.ts
var urlescape = __nccwpck_require__(9677);
;// CONCATENATED MODULE: ./src/goenv/urlpath.ts
// Escaping of an (already module-escaped) path for a proxy URL, as modfetch's pathEscape does.


/** url.PathEscape with '/' kept: "golang.org/x/text@v1" stays readable, "a b" becomes "a%20b". */
function pathEscape(s) {
    return (0,urlescape/* escape */.ih)(s, 'pathSegment').replaceAll('%2F', '/');
}
/** A URL cut where Go's url.URL keeps its parts: before the path, the path, the query. */
function splitUrl(base) {
    const cut = base.search(/[?#]/);
    const head = cut < 0 ? base : base.slice(0, cut);
    const query = cut < 0 || base[cut] === '#' ? '' : base.slice(cut).replace(/#.*$/, '');
    const [, origin, path] = /^([^:/?#]+:\/\/[^/]*)?(.*)$/s.exec(head);
    return { origin: origin ?? '', path, query };
}
/**
 * `<base>/<path>` as the go command builds a request for a module file (modfetch's proxyRepo):
 * path.Join of the base URL's path and the path, so no slash is doubled (`https://h//x` asks
 * `/x/…`; the `.` and `..` segments path.Join also cleans are resolved by the WHATWG URL every
 * request goes through), and the base's query string kept after it.
 */
function joinUrlPath(base, path) {
    const { origin, path: basePath, query } = splitUrl(base);
    return `${origin}${`${basePath}/${path}`.replace(/\/{2,}/g, '/')}${query}`;
}
/**
 * `<base>/<path>` as the go command builds a checksum-database request (cmd/go/internal/web's
 * Join, used for `/sumdb/<name>/supported`, lookups and tiles): one trailing slash of the base's
 * path dropped, the rest kept as it is (`https://h//x` asks `//x/sumdb/…`).
 */
function webJoin(base, path) {
    const { origin, path: basePath, query } = splitUrl(base);
    return `${origin}${basePath.replace(/\/$/, '')}/${path.replace(/^\//, '')}${query}`;
}
/** The URL of one file of a module version on a proxy: `<base>/<path>/@v/<version>.<ext>`. */
function versionFileUrl(base, path, version, ext) {
    return joinUrlPath(base, `${pathEscape(escapePath(path))}/@v/${pathEscape(escapeVersion(version))}.${ext}`);
}

;// CONCATENATED MODULE: ./src/checksum/routes.ts





/**
 * The routes Go itself would use: an explicit GOSUMDB URL (it bypasses proxies, as in the go
 * command), else each usable proxy that serves the database — or https://<name> if none does.
 */
function firstRoutes(db, reports) {
    if (db.url)
        return [route('explicit', db.url)];
    const viaProxies = reports
        .filter(r => isUsable(r.verdict) && r.sumdb === 'supported')
        .map(r => proxyRoute(r.candidate, db.name));
    return viaProxies.length > 0 ? viaProxies : [route('direct', directUrl(db))];
}
/**
 * The first of firstRoutes, once it is settled: no candidate before it in the list is still being
 * probed (`reportOf` is undefined for those), so none can come before it.
 */
function settledFirstRoute(db, candidates, reportOf) {
    if (db.url)
        return route('explicit', db.url);
    for (const candidate of candidates) {
        const report = reportOf(candidate);
        if (!report)
            return undefined;
        if (isUsable(report.verdict) && report.sumdb === 'supported')
            return proxyRoute(candidate, db.name);
    }
    return route('direct', directUrl(db));
}
/** Where to turn when those fail: the database's own host (unless a URL was given), then `sumdb-mirrors`. */
function fallbackRoutes(plan, db) {
    return [...(db.url ? [] : [route('direct', directUrl(db))]), ...mirrorRoutes(plan)];
}
function mirrorRoutes(plan) {
    return plan.sumdbMirrors.map(url => route('mirror', url));
}
/**
 * The route the go command will take with this GOPROXY chain: the first proxy that serves the
 * database (Go asks each in turn), else — at the end of the list, or at `direct`/`off` —
 * https://<name>. An explicit URL in GOSUMDB is always used as it is.
 */
function routeForChain(db, chain) {
    if (db.url)
        return route('explicit', db.url);
    for (const report of chain) {
        const { entry } = report.candidate;
        if (!isProxyEntry(entry))
            break;
        if (report.sumdb === 'supported')
            return proxyRoute(report.candidate, db.name);
    }
    return route('direct', directUrl(db));
}
/**
 * The chain entry whose /sumdb/ error (`failed`, tolerated because `|` followed it in the input
 * or `sumdb-mirrors` are given) leaves the go command no route to the database with this chain,
 * as modfetch.TryProxies walks the list for it (sumdb.go initBase): an error other than 404/410
 * ends the walk unless `|` follows it here, and outranks a later 404/410 or `off`; only a later
 * proxy that serves the database, or `direct`, gets past it. Go's lookups then all fail with
 * that error.
 */
function routeBreaker(db, chain) {
    if (db.url)
        return undefined;
    let failed;
    for (const report of chain) {
        const { entry } = report.candidate;
        if (entry.kind === 'direct' || report.sumdb === 'supported')
            return undefined;
        if (report.sumdb !== 'failed')
            continue;
        failed ??= report;
        if (!entry.fallBackOnError)
            break;
    }
    return failed;
}
function proxyRoute(candidate, name) {
    const url = isProxyEntry(candidate.entry) ? candidate.entry.url : '';
    const base = webJoin(url, `sumdb/${name}`);
    return { kind: 'proxy', base, label: redactUrl(base), candidate };
}
function route(kind, url) {
    return { kind, base: url, label: redactUrl(url) };
}

;// CONCATENATED MODULE: ./src/probe/findings.ts

/**
 * The finding a verdict rests on: the worst level; within a level the earliest stage in STAGES;
 * within a stage the one recorded first. Stages record in a fixed order of their own (never in
 * the order answers arrive), so the choice does not depend on which stage finished first.
 */
function decidingFinding(findings) {
    let deciding;
    for (const finding of findings) {
        if (!deciding || rank(finding) < rank(deciding))
            deciding = finding;
    }
    return deciding;
}
function rank(finding) {
    return LEVELS.indexOf(finding.level) * STAGES.length + STAGES.indexOf(finding.stage);
}
/**
 * Sets a report's verdict and reason from its findings: the one place a verdict is decided. The
 * findings are put in stage order, so the report reads the same however the stages interleaved.
 */
function settleVerdict(report) {
    report.findings.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
    const deciding = decidingFinding(report.findings);
    report.verdict = deciding?.level ?? 'healthy';
    report.reason = deciding?.reason ?? `${report.checksPassed} checks passed`;
}
/** Adds what a stage established; the verdict changes only when the run settles it. */
function recordFinding(report, finding) {
    report.findings.push(finding);
}

;// CONCATENATED MODULE: ./src/http/record.ts
/** One line naming the request and what was wrong with it. */
function probeReason(record) {
    return `GET ${record.url} → ${record.problem ?? `${record.status ?? ''} ok`.trim()}`;
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/dirhash.ts
// The "h1:" directory hash of golang.org/x/mod/sumdb/dirhash, as recorded in go.sum and the
// checksum database: SHA-256 over the lines "<hex sha256 of content>  <name>\n", names sorted.

/** A file name the h1 summary cannot represent (Go refuses names with a newline). */
class DirHashError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DirHashError';
    }
}
const NEWLINE = 0x0a;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
/** The SHA-256 of some bytes as lower-case hex, the form a Hash1 line carries. */
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
/**
 * Builds an h1 hash one file at a time, so a zip reader can stream each entry through SHA-256
 * and keep only its digest. Names are sorted by their UTF-8 bytes (Go's string order), not by
 * JavaScript's UTF-16 order; a name given as bytes is used as is (zip names need not be UTF-8).
 */
class Hash1Builder {
    lines = [];
    add(name, sha256hex) {
        const bytes = typeof name === 'string' ? Buffer.from(name, 'utf8') : Buffer.from(name);
        if (bytes.includes(NEWLINE)) {
            throw new DirHashError(`dirhash: filenames with newlines are not supported: ${JSON.stringify(bytes.toString())}`);
        }
        if (!HEX_SHA256.test(sha256hex)) {
            throw new DirHashError(`dirhash: not a lower-case hex SHA-256: ${JSON.stringify(sha256hex)}`);
        }
        this.lines.push({ name: bytes, sha256hex });
    }
    digest() {
        const sorted = [...this.lines].sort((a, b) => Buffer.compare(a.name, b.name));
        const summary = (0,external_node_crypto_.createHash)('sha256');
        for (const { name, sha256hex } of sorted) {
            summary.update(`${sha256hex}  `);
            summary.update(name);
            summary.update('\n');
        }
        return 'h1:' + summary.digest('base64');
    }
}
/** Go's dirhash.Hash1 over files held in memory. */
function hash1(files) {
    const builder = new Hash1Builder();
    for (const { name, data } of files)
        builder.add(name, sha256Hex(data));
    return builder.digest();
}
/** The go.sum hash of a go.mod file (recorded under `<version>/go.mod`), as the go command's goModSum. */
function hashGoMod(gomod) {
    return hash1([{ name: 'go.mod', data: gomod }]);
}

;// CONCATENATED MODULE: ./src/checksum/compare.ts



/**
 * Judges what usable candidates served of each probe module against the signed records, as
 * `go mod download M@V` with no go.sum line does (modfetch checkModSum → checkSumDB): the .mod
 * first, then the zip. A hash that differs is a `tampered` finding naming both hashes; a record
 * with no line for a file is an `unhealthy` one in Go's words, at every level of `checks` (the
 * go command downloads the zip even when the run does not): Go refuses the version from any proxy.
 */
function compareServed(reports, records) {
    const byVersion = new Map(records.map(r => [`${r.path}@${r.version}`, r]));
    for (const report of reports) {
        if (!isUsable(report.verdict))
            continue;
        for (const served of report.served) {
            const record = byVersion.get(`${served.path}@${served.version}`);
            if (!record)
                continue;
            const problem = judgeFile(record, 'mod', served.goMod && hashGoMod(served.goMod)) ??
                judgeFile(record, 'zip', served.zipHash);
            // Each comparison with the database is a check of its own in the report's count.
            report.checksTotal++;
            if (!problem) {
                report.checksPassed++;
                continue;
            }
            const reason = `${problem.reason}, served by ${report.candidate.display}`;
            recordFinding(report, { stage: 'sumdb', level: problem.level, reason });
            break;
        }
    }
}
function judgeFile(record, file, served) {
    const recorded = file === 'mod' ? record.modHash : record.zipHash;
    if (recorded === undefined)
        return { level: 'unhealthy', reason: checksumMissing(record, file) };
    if (!served || served === recorded)
        return undefined;
    const what = file === 'mod' ? 'go.mod' : 'zip';
    const reason = `${record.path}@${record.version}: ${what} hashes to ${served} but the checksum database says ${recorded}`;
    return { level: 'tampered', reason };
}
/**
 * The go command's error (modfetch checkSumDB) for a file it checks against the database whose
 * signed record has no line for it, and why: it fails the download whichever proxy serves it.
 */
function checksumMissing(v, file) {
    const noun = file === 'mod' ? 'go.mod' : 'module';
    const line = `${v.path} ${v.version}${file === 'mod' ? '/go.mod' : ''} h1:`;
    return (`${v.path}@${v.version}: verifying ${noun}: checksum missing from sumdb response ` +
        `(SECURITY ERROR: the checksum database's signed record has no "${line}" line, so the go ` +
        'command refuses the download from any proxy)');
}

// EXTERNAL MODULE: ./node_modules/cockatiel/dist/index.js
var dist = __nccwpck_require__(6090);
;// CONCATENATED MODULE: ./src/resilience/retry.ts
// Retries with exponential backoff and full jitter, or as long as the server asked (Retry-After).
// cockatiel's RetryPolicy is not used: its backoff sleep cannot be cancelled, and after an abort it
// still starts one more attempt; its ExponentialBackoff and fullJitterGenerator compute the delays.
// The breaker judges the whole retried request, so it wraps withRetry rather than each attempt.


/**
 * Runs `attempt`, retrying transient errors up to `opts.retries` times. The delay before retry n
 * is the one the server asked for, else uniform in [0, min(maxDelayMs, baseDelayMs·2^(n-1))).
 * Rejects with the attempt's error when it is not transient or retries are used up, and with the
 * signal's reason as soon as it aborts. `attemptNo` counts from 1; `onRetry` gets the number of
 * the attempt that failed and the delay before the next.
 */
async function withRetry(opts, attempt, signal = new AbortController().signal, onRetry) {
    checkOptions(opts);
    const delays = new dist.ExponentialBackoff({
        generator: dist.fullJitterGenerator,
        initialDelay: opts.baseDelayMs,
        maxDelay: opts.maxDelayMs
    });
    let backoff;
    for (let attemptNo = 1;; attemptNo++) {
        signal.throwIfAborted();
        try {
            return await attempt(signal, attemptNo);
        }
        catch (err) {
            signal.throwIfAborted();
            if (!opts.isTransient(err) || attemptNo > opts.retries)
                throw err;
            backoff = backoff ? backoff.next(undefined) : delays.next();
            const delayMs = opts.serverDelayMs?.(err) ?? backoff.duration;
            onRetry?.(err, attemptNo, delayMs);
            await (opts.clock ?? systemClock).sleep(delayMs, signal);
        }
    }
}
function checkOptions({ retries, baseDelayMs, maxDelayMs }) {
    if (!Number.isSafeInteger(retries) || retries < 0) {
        throw new RangeError(`retries must be an integer ≥ 0, got ${retries}`);
    }
    if (!(Number.isFinite(baseDelayMs) && baseDelayMs >= 0)) {
        throw new RangeError(`baseDelayMs must be a finite number ≥ 0, got ${baseDelayMs}`);
    }
    if (!(Number.isFinite(maxDelayMs) && maxDelayMs >= baseDelayMs)) {
        throw new RangeError(`maxDelayMs must be a finite number ≥ baseDelayMs (${baseDelayMs}), got ${maxDelayMs}`);
    }
}

;// CONCATENATED MODULE: ./src/http/probe-errors.ts

/** Why a probe failed, worded for the verdict's reason. */
class ProbeError extends Error {
    transient;
    status;
    retryAfter;
    name = 'ProbeError';
    constructor(message, 
    /** Worth another attempt (and a strike for the breaker): the server failed, not the content. */
    transient, status, 
    /** How long a 429 or 503 asked us to wait before asking again (its Retry-After). */
    retryAfter) {
        super(message);
        this.transient = transient;
        this.status = status;
        this.retryAfter = retryAfter;
    }
}
/** A 429 or 503 whose Retry-After is longer than a request may take: not worth waiting for. */
class RateLimitError extends ProbeError {
    name = 'RateLimitError';
    constructor(retryAfter, status) {
        super(`rate limited: Retry-After ${retryAfter.seconds} s is longer than timeout`, false, status, retryAfter);
    }
}
/** The answer was wrong rather than missing: bad JSON, a captive portal, a mismatched version. */
class ContentError extends ProbeError {
    name = 'ContentError';
    constructor(message, status = 200) {
        super(message, false, status);
    }
}
// A bad certificate or a malformed answer does not mend on a second try; the rest are answers.
const PERMANENT_HTTP_FAILURES = new Set([
    'tls',
    'protocol',
    'too-large',
    'too-many-redirects',
    'insecure-redirect',
    'bad-redirect',
    'insecure-credentials',
    'decode'
]);
/** Connection-level failures and 429/5xx answers are transient; wrong content and 4xx are not. */
function isTransient(err) {
    if (err instanceof ProbeError)
        return err.transient;
    if (err instanceof types/* HttpError */.j$)
        return !PERMANENT_HTTP_FAILURES.has(err.kind) && err.kind !== 'aborted';
    return false;
}
/**
 * What the breaker counts as a failed request: an outage that outlived its retries, or a rate
 * limit too long to wait out (one failed request, like any other).
 */
function isFailedRequest(err) {
    return isTransient(err) || err instanceof RateLimitError;
}

// EXTERNAL MODULE: ./src/http/framing.ts
var framing = __nccwpck_require__(8222);
;// CONCATENATED MODULE: ./src/http/retry-after.ts
// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date in any of the three formats a
// recipient must accept (§5.6.7), as Go's net/http.ParseTime does.
const DAYS = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", rfc850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994"; capture groups: day, month, year, h, m, s.
const IMF_FIXDATE = new RegExp(`^${DAYS}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
const RFC850 = new RegExp(`^${LONG_DAYS}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
const ASCTIME = new RegExp(`^${DAYS} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i');
const MAX_MS = Number.MAX_SAFE_INTEGER;
/**
 * The wait a Retry-After value asks for, measured from `now` when it is a date (a date in the
 * past asks for none); undefined when the value is absent or malformed.
 */
function parseRetryAfter(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text)) {
        const seconds = text.replace(/^0+(?=\d)/, '');
        return { ms: Math.min(Number(seconds) * 1000, MAX_MS), seconds };
    }
    const date = parseHttpDate(text, now);
    if (date === undefined)
        return undefined;
    const ms = Math.min(Math.max(0, date - now), MAX_MS);
    return { ms, seconds: String(Math.ceil(ms / 1000)) };
}
/** An HTTP-date as ms since the epoch; `now` places a two-digit rfc850 year. */
function parseHttpDate(text, now) {
    let m = IMF_FIXDATE.exec(text);
    if (m)
        return utc(m[3], m[2], m[1], m.slice(4));
    m = RFC850.exec(text);
    if (m)
        return utc(String(fullYear(Number(m[3]), now)), m[2], m[1], m.slice(4));
    m = ASCTIME.exec(text);
    if (m)
        return utc(m[6], m[1], m[2].trim(), m.slice(3, 6));
    return undefined;
}
/** A two-digit year more than 50 years ahead is the latest past year with those digits. */
function fullYear(twoDigits, now) {
    const thisYear = new Date(now).getUTCFullYear();
    let year = thisYear - (thisYear % 100) + twoDigits;
    if (year > thisYear + 50)
        year -= 100;
    return year;
}
function utc(year, month, day, [h, m, s]) {
    const [y, mo, d] = [Number(year), MONTHS.indexOf(month.toLowerCase()), Number(day)];
    const [hour, minute, second] = [Number(h), Number(m), Number(s)];
    // Second 60 is a leap second (RFC 9110 allows it): it carries into the next minute.
    if (hour > 23 || minute > 59 || second > 60)
        return undefined;
    const date = new Date(0); // setUTCFullYear, unlike Date.UTC, does not read 0094 as 1994
    date.setUTCFullYear(y, mo, d);
    // A day the month does not have (31 Feb) would roll over into the next month.
    if (date.getUTCMonth() !== mo || date.getUTCDate() !== d)
        return undefined;
    return date.setUTCHours(hour, minute, second);
}

;// CONCATENATED MODULE: ./src/http/judge.ts




/**
 * A 200's content, or the error the answer stands for. A 429 or 503 may say how long to wait
 * (Retry-After): when that fits in a request's timeout the retry waits so long, else it is over.
 */
async function judge(res, accept, timeoutMs, now) {
    if (res.status === 200)
        return acceptNamingEncoding(res, accept);
    const transient = res.status === 429 || res.status >= 500;
    const retryAfter = res.status === 429 || res.status === 503
        ? parseRetryAfter(headerText(res.headers['retry-after']), now)
        : undefined;
    if (retryAfter && retryAfter.ms > timeoutMs)
        throw new RateLimitError(retryAfter, res.status);
    throw new ProbeError(`${res.status} ${statusText(res)}`, transient, res.status, retryAfter);
}
/**
 * `accept`, whose complaint about the content names a Content-Encoding Go leaves undecoded: the
 * check failed on the encoded bytes, which is why the go command fails too.
 */
async function acceptNamingEncoding(res, accept) {
    try {
        return await accept(res);
    }
    catch (err) {
        throw err instanceof ContentError ? namingEncoding(err, res) : err;
    }
}
/** A complaint about `res`'s content, naming the Content-Encoding Go left undecoded, if any. */
function namingEncoding(err, res) {
    const coding = (0,framing/* undecodedEncoding */.dQ)(res.headers);
    if (!coding)
        return err;
    const hint = `served with Content-Encoding: ${coding}, which Go does not decode`;
    return new ContentError(`${err.message} (${hint})`, err.status);
}
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
/** The status line plus, as the go command does, the first lines of a plain-text answer. */
function statusText(res) {
    const words = res.status === 404 || res.status === 410 ? 'not found' : 'error';
    const detail = isPlainText(res.contentType) ? errorDetail(res.body) : undefined;
    return detail ? `${words}: ${JSON.stringify(detail)}` : words;
}
// cmd/go/internal/web's limits on the server's words it quotes.
const MAX_DETAIL_LINES = 8;
const MAX_DETAIL_BYTES = MAX_DETAIL_LINES * 81;
/** text/plain in UTF-8 or a subset of it: the answers whose words the go command quotes. */
function isPlainText(contentType) {
    const [mediaType, ...params] = contentType.split(';').map(p => p.trim().toLowerCase());
    const charset = params.find(p => p.startsWith('charset='))?.slice('charset='.length) ?? '';
    return mediaType === 'text/plain' && ['', 'utf-8', 'us-ascii'].includes(charset.replace(/"/g, ''));
}
/** What of an error answer Go reads before judging it: at least 9 lines, or its first 4 KiB. */
const DETAIL_READ_BYTES = 4096;
/**
 * The words of an error answer as the go command quotes them (web.Response's formatErrorDetail):
 * its lines up to the first blank one, at most 8 and 648 bytes, each cut marked; nothing when
 * what Go read of it is not printable UTF-8.
 */
function errorDetail(body) {
    let end = -1;
    for (let line = 0; line <= MAX_DETAIL_LINES && end < body.length; line++) {
        const next = body.indexOf(0x0a, end + 1);
        end = next < 0 ? body.length : next;
    }
    const text = printableText(body.subarray(0, Math.max(end + 1, DETAIL_READ_BYTES)));
    if (text === undefined)
        return undefined;
    let detail = '';
    for (const [i, line] of text.split('\n').entries()) {
        if ((0,strings/* trimSpace */.Pd)(line) === '')
            break;
        if (i > 0)
            detail += '\n';
        if (i >= MAX_DETAIL_LINES)
            return `${detail}[Truncated: too many lines.]`;
        // Go counts the tab it writes after each line break, and bytes, not characters.
        const written = Buffer.byteLength(detail) + i;
        if (written + Buffer.byteLength(line) > MAX_DETAIL_BYTES)
            return `${detail}[Truncated: too long.]`;
        detail += line;
    }
    return detail || undefined;
}
/**
 * `bytes` as text when they are UTF-8 of graphic characters and white space only, else
 * undefined: like the go command, never quote binary (a zip served with a 206) or control codes.
 * A character cut at the end of the excerpt is dropped.
 */
function printableText(bytes) {
    let text;
    try {
        // A decoder of its own: `stream` holds a cut character back, and it is not to be kept. A
        // byte-order mark stays in the text, where Go sees it (and finds it not printable).
        const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
        text = decoder.decode(bytes, { stream: true });
    }
    catch {
        return undefined;
    }
    return (0,strings/* isGraphicOrSpace */.aQ)(text) ? text : undefined;
}

;// CONCATENATED MODULE: ./src/resilience/breaker-state.ts
// The breaker's saved form: what the verdict cache keeps between runs, and how it is read back.
/**
 * The state to restore from `saved`, or a closed breaker with an empty window when there is none
 * or it does not fit (another snapshot version, a longer window, a damaged value). An `openedAt`
 * in the future (clock skew between runners) is clamped to `now`, so an open breaker waits at most
 * one cooldown.
 */
function restoreStart(saved, windowSize, now) {
    const fresh = { outcomes: [] };
    if (!breaker_state_isRecord(saved) || saved.version !== 2)
        return fresh;
    const { outcomes, openedAt } = saved;
    if (!Array.isArray(outcomes) || outcomes.length > windowSize)
        return fresh;
    if (!outcomes.every(o => o === 'ok' || o === 'failed'))
        return fresh;
    if (openedAt === undefined)
        return { outcomes: [...outcomes] };
    if (typeof openedAt !== 'number' || !Number.isFinite(openedAt) || openedAt < 0)
        return fresh;
    // A breaker opens on a failed request, so an open one without any is damaged.
    if (!outcomes.includes('failed'))
        return fresh;
    return { outcomes: [...outcomes], openedAt: Math.min(openedAt, now) };
}
function breaker_state_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/resilience/breaker.ts

class BreakerOpenError extends Error {
    failed;
    total;
    retryAt;
    name = 'BreakerOpenError';
    constructor(message, 
    /** Failed and counted requests in the window that opened the breaker. */
    failed, total, 
    /** When the breaker lets a trial through; undefined while a trial is in flight. */
    retryAt) {
        super(message);
        this.failed = failed;
        this.total = total;
        this.retryAt = retryAt;
    }
}
const DEFAULT_MINIMUM_CALLS = 2;
const DEFAULT_WINDOW_SIZE = 10;
// A snapshot holds the whole window, and the verdict cache keeps one per candidate.
const MAX_WINDOW_SIZE = 1000;
/**
 * A breaker over the last `windowSize` requests, timed by `clock`. `saved` (from snapshot(),
 * possibly in another process) is restored when it fits these options; an unusable one is ignored.
 */
function createBreaker(opts, clock, saved) {
    const windowSize = opts.windowSize ?? DEFAULT_WINDOW_SIZE;
    const minimumCalls = opts.minimumCalls ?? DEFAULT_MINIMUM_CALLS;
    breaker_checkOptions(opts.threshold, opts.cooldownMs, windowSize, minimumCalls);
    return new CountBreaker({ ...opts, windowSize, minimumCalls }, clock, saved);
}
function breaker_checkOptions(threshold, cooldownMs, windowSize, minimumCalls) {
    if (!(threshold > 0 && threshold <= 1)) {
        throw new RangeError(`breaker threshold must be a ratio in (0, 1], got ${threshold}`);
    }
    if (!(Number.isFinite(cooldownMs) && cooldownMs >= 0)) {
        throw new RangeError(`breaker cooldownMs must be a finite number ≥ 0, got ${cooldownMs}`);
    }
    if (!Number.isSafeInteger(windowSize) || windowSize < 1 || windowSize > MAX_WINDOW_SIZE) {
        throw new RangeError(`breaker windowSize must be an integer in [1, ${MAX_WINDOW_SIZE}], got ${windowSize}`);
    }
    if (!Number.isSafeInteger(minimumCalls) || minimumCalls < 1 || minimumCalls > windowSize) {
        throw new RangeError(`breaker minimumCalls must be an integer in [1, ${windowSize}], got ${minimumCalls}`);
    }
}
const everyError = () => true;
class CountBreaker {
    o;
    clock;
    outcomes;
    openedAt;
    trialInFlight = false;
    constructor(o, clock, saved) {
        this.o = o;
        this.clock = clock;
        const start = restoreStart(saved, o.windowSize, clock.now());
        this.outcomes = start.outcomes;
        this.openedAt = start.openedAt;
    }
    get state() {
        if (this.trialInFlight)
            return 'half-open';
        return this.openedAt === undefined ? 'closed' : 'open';
    }
    async execute(fn, signal, countsAsFailure = everyError) {
        const isTrial = this.admit();
        const admission = {
            throwIfOpened: () => {
                if (!isTrial && this.openedAt !== undefined)
                    throw this.refusal('open');
            }
        };
        try {
            const value = await fn(admission);
            this.settle(isTrial, 'ok');
            return value;
        }
        catch (err) {
            // An aborted request proves nothing about the server, nor does one the caller ignores; an
            // answer such as a 404 is no outage.
            const counted = countsAsFailure(err);
            const ending = counted === 'ignored' ? 'aborted' : counted ? 'failed' : 'answered';
            this.settle(isTrial, signal?.aborted ? 'aborted' : ending);
            throw err;
        }
    }
    snapshot() {
        const outcomes = [...this.outcomes];
        return this.openedAt === undefined
            ? { version: 2, outcomes }
            : { version: 2, outcomes, openedAt: this.openedAt };
    }
    retryAt() {
        if (this.trialInFlight || this.openedAt === undefined)
            return undefined;
        return this.openedAt + this.o.cooldownMs;
    }
    /** Lets a request in, or throws; returns whether it is the half-open trial. */
    admit() {
        if (this.trialInFlight)
            throw this.refusal('trial');
        const retryAt = this.retryAt();
        if (retryAt === undefined)
            return false;
        if (this.clock.now() < retryAt)
            throw this.refusal('open');
        this.trialInFlight = true;
        return true;
    }
    settle(isTrial, ending) {
        if (isTrial)
            return this.settleTrial(ending);
        // A request that ends after the breaker opened was already judged with its siblings.
        if (this.openedAt !== undefined)
            return;
        if (ending !== 'ok' && ending !== 'failed')
            return;
        this.count(ending);
        const failed = this.failed();
        const total = this.outcomes.length;
        if (total >= this.o.minimumCalls && failed / total >= this.o.threshold) {
            this.openedAt = this.clock.now();
        }
    }
    settleTrial(ending) {
        this.trialInFlight = false;
        if (ending === 'failed' || ending === 'aborted') {
            // The trial proved nothing good (an aborted one stays cautious): another cooldown.
            if (ending === 'failed')
                this.count('failed');
            this.openedAt = this.clock.now();
            return;
        }
        // Any answer but an outage means the server is back: close with a fresh window.
        this.outcomes = ending === 'ok' ? ['ok'] : [];
        this.openedAt = undefined;
    }
    count(outcome) {
        this.outcomes.push(outcome);
        if (this.outcomes.length > this.o.windowSize)
            this.outcomes.shift();
    }
    failed() {
        return this.outcomes.filter(o => o === 'failed').length;
    }
    refusal(why) {
        const failed = this.failed();
        const total = this.outcomes.length;
        if (why === 'trial') {
            const message = 'circuit breaker half-open: its one trial request is in flight';
            return new BreakerOpenError(message, failed, total);
        }
        const message = `circuit breaker open after ${failed} of ${total} requests failed`;
        return new BreakerOpenError(message, failed, total, this.retryAt());
    }
}

;// CONCATENATED MODULE: ./src/http/trace.ts



/**
 * How a failed request is worded: the breaker refused it or stopped its retries; the candidate
 * was stopped before it was sent, or before its retry; else its own failure. When the breaker or
 * an abort cut the retries short, the last attempt's failure is what it met; a probe that never
 * got to send is named as such, not with its sibling's failure.
 */
function failure(trace, thrown, candidate) {
    const aborted = candidate.aborted;
    const byBreaker = thrown instanceof BreakerOpenError;
    const err = (byBreaker || aborted) && trace.error !== undefined ? trace.error : thrown;
    const stopped = aborted ? stopReason(candidate) : undefined;
    let problem;
    if (byBreaker)
        problem = breakerProblem(thrown, trace);
    else if (stopped && trace.attempts === 0)
        problem = `not sent: ${stopped}`;
    else if (stopped && awaitedRetry(trace))
        problem = `not retried: ${stopped} (${lastAttempt(trace)})`;
    else
        problem = trace_describe(err, stopped);
    return { problem, err, byBreaker };
}
/**
 * The failure the request's own last attempt met, in words, whatever then stopped its retries
 * (undefined when it was never sent): unlike the record's problem, it does not depend on when the
 * breaker opened.
 */
function lastAttemptFailure(trace) {
    return trace.attempts > 0 && trace.error !== undefined
        ? trace_describe(trace.error, undefined)
        : undefined;
}
/** Names the breaker: it refused the request, or stopped its retries after the attempts made. */
function breakerProblem(err, trace) {
    if (trace.attempts === 0)
        return `not asked: ${err.message}`;
    return `not retried: ${err.message} (${lastAttempt(trace)})`;
}
function lastAttempt(trace) {
    const last = trace.error instanceof Error ? trace.error.message : String(trace.error);
    return `attempt ${trace.attempts}: ${last}`;
}
/** Its last attempt ended in a failure worth a retry (not a timeout: that stops the candidate). */
function awaitedRetry(trace) {
    return isTransient(trace.error) && !isTimeout(trace.error);
}
/** Why the candidate gets no further request: its first contact failed. */
class CandidateStopped extends Error {
    name = 'CandidateStopped';
}
/** Why a candidate's requests were cut short: a timeout, or a stop with its reason. */
function stopReason(signal) {
    return signal.reason instanceof CandidateStopped
        ? signal.reason.message
        : 'another request to this candidate timed out';
}
function isTimeout(err) {
    return err instanceof types/* HttpError */.j$ && err.kind === 'timeout';
}
/** The failure in words; `stopped` says why the candidate's requests were cut short, if they were. */
function trace_describe(err, stopped) {
    if (isTimeout(err))
        return `timed out: ${err.message}`;
    if (stopped && !(err instanceof ProbeError))
        return `not completed: ${stopped}`;
    if (err instanceof Error)
        return err.message;
    return String(err);
}

;// CONCATENATED MODULE: ./src/http/first-contact.ts

/**
 * A candidate's first contact while it is in flight, and when the requests riding beside it may
 * move (see CandidateRequester.contact).
 */
class FirstContact {
    url;
    pending = true;
    /** An attempt of the contact failed: riders not yet sent wait until it has settled. */
    stumbled = false;
    /** Settles once the contact has (after the candidate is stopped, if it failed). */
    settled;
    /** Settles once the contact's connection is up, or it has settled: riders may be sent. */
    boarding;
    /** Settles once the contact has gone unanswered for `overdueMs`; never if it answers sooner. */
    overdue;
    /** Told by the transport once the contact's connection is up. */
    connected;
    settle;
    constructor(url, overdueMs, stopped) {
        this.url = url;
        let connected = () => undefined;
        let settle = () => undefined;
        const connecting = new Promise(resolve => (connected = resolve));
        this.settled = new Promise(resolve => (settle = resolve));
        this.connected = connected;
        this.settle = settle;
        this.boarding = Promise.race([connecting, this.settled]);
        const answered = new AbortController();
        void this.settled.then(() => answered.abort());
        // Real time, not the run's clock: this only schedules requests, and a test clock that ends
        // every sleep at once would have every rider give way at once.
        this.overdue = systemClock
            .sleep(overdueMs, AbortSignal.any([answered.signal, stopped]))
            .catch(() => new Promise(() => undefined));
    }
    end() {
        this.pending = false;
        this.settle();
    }
}

;// CONCATENATED MODULE: ./src/http/requester.ts







const ignored = () => 'ignored';
const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 2000;
/**
 * Runs a candidate's probes: each through the overall concurrency limit, the candidate's breaker
 * (which judges the request once its retries are over) and the retry policy. The first timeout
 * aborts the candidate, so it gets no further requests.
 */
class CandidateRequester {
    o;
    abort = new AbortController();
    shared = new Map();
    retriesUsed = 0;
    firstContact;
    constructor(o) {
        this.o = o;
    }
    /** Attempts sent beyond each request's first, over all requests so far. */
    get retries() {
        return this.retriesUsed;
    }
    get signal() {
        return this.abort.signal;
    }
    /**
     * Runs a probe whose answer has no side effects at most once per URL: the first contact and
     * the same request made again by a module's probes share one request and one record. An
     * advisory request is shared only with advisory ones, so which comes first never decides.
     */
    runShared(probe) {
        const key = probe.advisory ? `advisory ${probe.url}` : probe.url;
        let outcome = this.shared.get(key);
        if (!outcome) {
            outcome = probe.advisory ? this.advisoryOnce(probe) : this.run(probe);
            this.shared.set(key, outcome);
        }
        return outcome;
    }
    /** An advisory request, unless the same one asked for a build already has its answer. */
    async advisoryOnce(probe) {
        const asked = this.shared.get(probe.url);
        const answered = asked && (await asked);
        return answered?.ok ? answered : this.run(probe);
    }
    /** The same candidate's requests, every one advisory (see ProbeRequest.advisory). */
    advisory() {
        return {
            run: probe => this.run({ ...probe, advisory: true }),
            runShared: probe => this.runShared({ ...probe, advisory: true }),
            signal: this.signal
        };
    }
    /**
     * The candidate's first contact. Requests started while it is in flight ride beside it: they
     * are sent once its connection is up (so an unreachable candidate gets nothing else), take only
     * request slots nobody waits for, and retry only once it has settled; once one of its attempts
     * has failed, riders not yet sent wait for it too. When it fails the candidate is stopped: a
     * dead candidate costs the contact's attempts and one attempt of each rider already sent, and
     * a slow one gets its next requests one round trip sooner. Once the contact has gone
     * unanswered for `overdueMs` (slow at best), a rider still waiting for its answer gives its
     * slot to a request that is due, and is sent again once the contact has settled.
     */
    contact(probe, overdueMs) {
        const first = new FirstContact(probe.url, overdueMs, this.abort.signal);
        this.firstContact = first;
        return this.runShared({ ...probe, onConnected: first.connected }).then(o => {
            if (!o.ok)
                this.abort.abort(new CandidateStopped('its first contact failed'));
            first.end();
            return o;
        });
    }
    async run(probe) {
        const first = this.firstContact;
        const beside = first?.pending && first.url !== probe.url ? first : undefined;
        const trace = { attempts: 0, startedAt: this.o.clock.now(), beside };
        try {
            const value = await this.o.breaker.execute(admission => this.attempts(probe, trace, admission), this.abort.signal, probe.advisory ? ignored : isFailedRequest);
            return { ok: true, value, record: this.record(probe, trace) };
        }
        catch (thrown) {
            // The runner's own failure (its disk) is no answer of the proxy's: it ends the run.
            if (thrown instanceof types/* LocalError */.il)
                throw thrown;
            return this.failed(probe, trace, thrown);
        }
    }
    /**
     * The request's attempts, each in a request slot of its own (a backoff holds none); each asks
     * the breaker, once it has its slot, whether it opened meanwhile.
     */
    attempts(probe, trace, admission) {
        const policy = {
            retries: this.o.retries,
            baseDelayMs: RETRY_BASE_MS,
            maxDelayMs: RETRY_MAX_MS,
            // Go waits as long as it takes; an advisory request is not worth a second timeout.
            isTransient: (err) => isTransient(err) && !(probe.advisory && isTimeout(err)),
            serverDelayMs: (err) => (err instanceof ProbeError ? err.retryAfter?.ms : undefined),
            clock: this.o.clock
        };
        const attempt = async (signal, attemptNo) => {
            const { beside } = trace;
            // A rider is sent once the contact is connected, and retries once it has settled.
            await (attemptNo > 1 ? beside?.settled : beside?.boarding);
            let riding = attemptNo === 1 && beside?.pending;
            for (;;) {
                const outcome = await this.inSlot(probe, trace, admission, signal, attemptNo, riding);
                if (outcome.done)
                    return outcome.value;
                // Held back or given way: asked again, as due, once the contact has settled.
                await beside?.settled;
                riding = false;
            }
        };
        return withRetry(policy, attempt, this.abort.signal);
    }
    /**
     * One attempt in a request slot. A rider (`riding`) takes an idle slot; it is held back, unsent,
     * if the contact stumbled meanwhile, and may be cut short to give its slot away: then it is
     * not done, and no attempt is counted.
     */
    async inSlot(probe, trace, admission, signal, attemptNo, riding) {
        const beside = riding ? trace.beside : undefined;
        let cutShort = false;
        try {
            const value = await this.o.limit(taken => {
                admission.throwIfOpened();
                if (beside?.stumbled)
                    throw HELD_BACK;
                if (attemptNo > 1)
                    this.retriesUsed++;
                let ended = false;
                taken?.addEventListener('abort', () => (cutShort = !ended), { once: true });
                const sending = this.attempt(probe, trace, taken ? AbortSignal.any([signal, taken]) : signal);
                const end = () => void (ended = true);
                void sending.then(end, end);
                return sending;
            }, { signal, idleUntil: beside?.settled, giveableFrom: beside?.overdue });
            return { done: true, value };
        }
        catch (err) {
            if (err === HELD_BACK)
                return { done: false };
            if (!cutShort || signal.aborted)
                throw err;
            gaveWay(trace);
            return { done: false };
        }
    }
    async attempt(probe, trace, signal) {
        trace.attempts++;
        trace.startedAt = this.o.clock.now();
        trace.response = undefined;
        try {
            trace.response = await this.o.http({
                url: probe.url,
                timeoutMs: this.o.timeoutMs,
                maxBytes: probe.maxBytes,
                firstBytes: probe.firstBytes,
                spoolTo: probe.spoolTo,
                onConnected: probe.onConnected,
                signal
            });
            return await judge(trace.response, probe.accept, this.o.timeoutMs, this.o.clock.now());
        }
        catch (err) {
            trace.error = err;
            if (err instanceof ProbeError && err.retryAfter)
                trace.retryAfter = err.retryAfter;
            if (probe.url === this.firstContact?.url)
                this.firstContact.stumbled = true;
            // A timeout ends the candidate: no retry, and its other requests are cancelled; a rider's
            // only once the contact has settled, so that it never decides the contact's outcome. An
            // advisory request's ends only itself: which of its answers came first never decides.
            if (isTimeout(err) && !probe.advisory) {
                const { beside } = trace;
                if (beside?.pending)
                    void beside.settled.then(() => this.abort.abort(err));
                else
                    this.abort.abort(err);
            }
            throw err;
        }
    }
    failed(probe, trace, thrown) {
        const { problem, err, byBreaker } = failure(trace, thrown, this.abort.signal);
        const record = this.record(probe, trace, problem);
        record.timedOut = (!byBreaker && trace.attempts > 0 && isTimeout(err)) || undefined;
        if (byBreaker)
            record.breakerOpen = true;
        const notFound = err instanceof ProbeError && (err.status === 404 || err.status === 410);
        const badContent = err instanceof ContentError;
        return { ok: false, record, notFound, badContent, lastFailure: lastAttemptFailure(trace) };
    }
    record(probe, trace, problem) {
        const { attempts, startedAt, response, retryAfter, gaveWay } = trace;
        return {
            endpoint: probe.endpoint,
            module: probe.module,
            url: redactUrl(probe.url),
            status: response?.status,
            latencyMs: response?.timing.headersMs,
            ...(response?.timing.phases && { phases: response.timing.phases }),
            totalMs: attempts === 0 ? 0 : this.o.clock.now() - startedAt,
            attempts,
            ok: problem === undefined,
            problem,
            ...(retryAfter && { rateLimited: { retryAfterMs: retryAfter.ms } }),
            ...(gaveWay && { gaveWay })
        };
    }
}
/** A send cut short to free its slot is no attempt: the request is sent again, whole. */
function gaveWay(trace) {
    trace.attempts--;
    trace.gaveWay = (trace.gaveWay ?? 0) + 1;
    trace.error = undefined;
    trace.response = undefined;
}
/** Thrown in a slot by a rider whose contact stumbled: it waits, unsent, for the contact. */
const HELD_BACK = new Error('held back until the first contact settles');

;// CONCATENATED MODULE: ./src/resilience/plan-breaker.ts

/**
 * A candidate's breaker as the plan asks, on the run's clock. It counts requests once their
 * retries are over, so a failure that a retry mends never trips it, while a candidate whose first
 * request fails every attempt is out at once: at most retries + 1 attempts.
 */
function planBreaker(plan, clock, saved) {
    return createBreaker({ ...plan.breaker, minimumCalls: 1, windowSize: BREAKER_WINDOW }, clock, saved);
}
/** Requests the failure ratio is taken over. */
const BREAKER_WINDOW = 10;

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/xmod/sumdb/note-text.ts
// The text rule Go applies to signed notes and log records: valid UTF-8 (as utf8.DecodeRune sees
// it: no surrogates, no overlong forms) with no ASCII control character other than newline.

const note_text_NEWLINE = 0x0a;
const FIRST_PRINTABLE = 0x20;
/** Why `bytes` breaks the rule, or undefined if it does not. */
function textProblem(bytes) {
    if (!(0,external_node_buffer_namespaceObject.isUtf8)(bytes))
        return 'not valid UTF-8';
    // In UTF-8 a byte below 0x20 is always that ASCII character itself.
    if (bytes.some(b => b < FIRST_PRINTABLE && b !== note_text_NEWLINE)) {
        return 'control character other than newline';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog-hash.ts
// RFC 6962 Merkle tree hashing and the dense "stored hash index" order in which x/mod's tlog
// keeps every complete subtree hash (Crosby & Wallach, §3.3). Sizes are JavaScript numbers, so
// the arithmetic avoids 32-bit bit operators.

const HASH_SIZE = 32;
/**
 * The largest tree we handle. Stored hash indexes reach about twice the tree size and must stay
 * exact as numbers; real logs are many orders of magnitude smaller.
 */
const MAX_TREE_SIZE = 2 ** 50;
/** The root hash of the empty tree: SHA-256 of nothing. */
const EMPTY_TREE_HASH = (0,external_node_crypto_.createHash)('sha256').digest();
const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);
/** SHA-256(0x00 ‖ data): the leaf hash of a record. */
function recordHash(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(LEAF_PREFIX).update(data).digest();
}
/** SHA-256(0x01 ‖ left ‖ right): an interior node. */
function nodeHash(left, right) {
    return (0,external_node_crypto_.createHash)('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}
/** floor(x / 2^k) for non-negative integers beyond 32 bits. */
function tlog_hash_shiftDown(x, k) {
    return Math.floor(x / 2 ** k);
}
function trailingOnes(n) {
    let count = 0;
    for (let x = n; x % 2 === 1; x = tlog_hash_shiftDown(x, 1))
        count++;
    return count;
}
/** Where the hash of node `n` at `level` sits in the dense storage order. */
function tlog_hash_storedHashIndex(level, n) {
    // Node (level, n) is stored right after node (level-1, 2n+1), its right child.
    let leaf = n;
    for (let l = level; l > 0; l--)
        leaf = 2 * leaf + 1;
    // Leaf m is stored after m + m/2 + m/4 + ... hashes.
    let index = 0;
    for (let m = leaf; m > 0; m = tlog_hash_shiftDown(m, 1))
        index += m;
    return index + level;
}
/** The inverse of storedHashIndex. */
function splitStoredHashIndex(index) {
    // Leaf n's index is below 2n, so the leaf stored last before `index` is at most a few past index/2.
    let n = tlog_hash_shiftDown(index, 1);
    let leafIndex = tlog_hash_storedHashIndex(0, n);
    for (;;) {
        // Writing leaf n stores the leaf hash plus one hash per subtree it completes.
        const next = leafIndex + 1 + trailingOnes(n);
        if (next > index)
            break;
        n++;
        leafIndex = next;
    }
    const level = index - leafIndex;
    return { level, n: tlog_hash_shiftDown(n, level) };
}
/** How many hashes a log of `size` records stores. */
function storedHashCount(size) {
    return size === 0 ? 0 : tlog_hash_storedHashIndex(0, size - 1) + 1 + trailingOnes(size - 1);
}
/**
 * The hashes to store, from index storedHashIndex(0, n) on, when appending record `n`: its leaf
 * hash, then one hash per subtree it completes (reading the left siblings through `hashAt`).
 */
function storedHashes(n, data, hashAt) {
    let hash = recordHash(data);
    const hashes = [hash];
    for (let level = 0; level < trailingOnes(n); level++) {
        hash = nodeHash(hashAt(tlog_hash_storedHashIndex(level, tlog_hash_shiftDown(n, level) - 1)), hash);
        hashes.push(hash);
    }
    return hashes;
}
/**
 * The stored indexes of the complete subtrees that make up the first `size` records, largest
 * (leftmost) first: the hashes from which the tree's RFC 6962 root is folded.
 */
function subtreeIndexes(size) {
    const indexes = [];
    for (let start = 0; start < size;) {
        let level = 0;
        while (2 ** (level + 1) <= size - start)
            level++;
        indexes.push(tlog_hash_storedHashIndex(level, start / 2 ** level));
        start += 2 ** level;
    }
    return indexes;
}
/** Folds the subtree hashes of subtreeIndexes (in that order) into one hash, right to left. */
function foldSubtreeHashes(hashes) {
    if (hashes.length === 0)
        return EMPTY_TREE_HASH;
    let hash = hashes[hashes.length - 1];
    for (let i = hashes.length - 2; i >= 0; i--)
        hash = nodeHash(hashes[i], hash);
    return hash;
}
/** The root hash of the first `size` records, from stored hashes read in one call. */
function treeHash(size, readHashes) {
    if (size === 0)
        return EMPTY_TREE_HASH;
    const indexes = subtreeIndexes(size);
    const hashes = readHashes(indexes);
    if (hashes.length !== indexes.length) {
        throw new Error(`treeHash: asked for ${indexes.length} hashes, got ${hashes.length}`);
    }
    return foldSubtreeHashes(hashes);
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/note-tree.ts
// The text a checksum database signs for its tree head (x/mod sumdb/tlog note.go):
// "go.sum database tree\n<size>\n<base64 root hash>\n", later lines ignored for forward
// compatibility.




const TREE_PREFIX = 'go.sum database tree\n';
// Go refuses longer tree notes outright.
const MAX_TREE_NOTE_BYTES = 1e6;
function note_tree_malformed(why) {
    return new errors_SumdbError('bad-note', `malformed tree note: ${why}`);
}
/** Parses a tree note's text with tlog.ParseTree's rules. */
function parseTreeNote(text) {
    if (!text.startsWith(TREE_PREFIX))
        throw note_tree_malformed(`does not start with ${(0,strings/* quote */.hD)(TREE_PREFIX)}`);
    if (Buffer.byteLength(text, 'utf8') > MAX_TREE_NOTE_BYTES)
        throw note_tree_malformed('longer than 1e6 bytes');
    const lines = text.split('\n');
    // Three newline-terminated lines at least: prefix, size, hash.
    if (lines.length < 4)
        throw note_tree_malformed('fewer than three lines');
    const [, sizeText, hashText] = lines;
    if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || sizeText.length > 19) {
        throw note_tree_malformed(`bad tree size ${(0,strings/* quote */.hD)(sizeText)}`);
    }
    const size = Number(sizeText);
    if (size > MAX_TREE_SIZE) {
        throw new errors_SumdbError('bad-note', `tree size ${sizeText} is beyond what a real log can hold`);
    }
    const hash = decodeStdBase64(hashText);
    if (!hash || hash.length !== HASH_SIZE)
        throw note_tree_malformed(`bad root hash ${(0,strings/* quote */.hD)(hashText)}`);
    return { size, hash };
}
/** tlog.FormatTree: the text a server signs for `tree`. */
function formatTreeNote(tree) {
    return `${TREE_PREFIX}${tree.size}\n${tree.hash.toString('base64')}\n`;
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/note.ts
// Signed notes (golang.org/x/mod/sumdb/note): a text ending in "\n", a blank line, then one line
// "— <name> <base64(4-byte key hash ‖ signature)>\n" per signature. The signature covers the
// text bytes including their final newline.







// Go stops reading a note after this many signature lines.
const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = '— ';
const KEY_HASH_SIZE = 4;
function note_malformed(why) {
    return new errors_SumdbError('bad-note', `malformed note: ${why}`);
}
function parseSignatureLine(line) {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw note_malformed(`signature line ${(0,strings/* quote */.hD)(line)} does not start with "— "`);
    }
    const body = line.slice(SIGNATURE_PREFIX.length);
    const space = body.indexOf(' ');
    const name = space < 0 ? body : body.slice(0, space);
    const encoded = space < 0 ? '' : body.slice(space + 1);
    const raw = decodeStdBase64(encoded);
    if (!note_keys_isValidKeyName(name) || encoded === '' || !raw || raw.length <= KEY_HASH_SIZE) {
        throw note_malformed(`bad signature line ${(0,strings/* quote */.hD)(line)}`);
    }
    return { name, keyHash: raw.readUInt32BE(0), sig: raw.subarray(KEY_HASH_SIZE) };
}
function parseNote(msg) {
    const problem = textProblem(msg);
    if (problem)
        throw note_malformed(problem);
    const split = msg.lastIndexOf('\n\n');
    if (split < 0)
        throw note_malformed('no blank line before the signatures');
    const signedBytes = msg.subarray(0, split + 1);
    const block = msg.subarray(split + 2).toString('utf8');
    if (!block.endsWith('\n'))
        throw note_malformed('signature block does not end in a newline');
    const lines = block.slice(0, -1).split('\n');
    const signatures = [];
    for (const line of lines) {
        signatures.push(parseSignatureLine(line));
        if (signatures.length > MAX_SIGNATURES) {
            throw note_malformed(`more than ${MAX_SIGNATURES} signatures`);
        }
    }
    return { note: { text: signedBytes.toString('utf8'), signatures }, signedBytes };
}
/** Parses a signed note by all of note.Open's format rules, without checking any signature. */
function parseSignedNote(msg) {
    return parseNote(msg).note;
}
/**
 * Parses a signed note and requires a valid signature by `verifier`. As in Go, only the first
 * signature line by the key (same name and key hash) counts, and other keys are ignored.
 */
function openNote(msg, verifier) {
    const { note, signedBytes } = parseNote(msg);
    const ours = note.signatures.find(s => s.name === verifier.name && s.keyHash === verifier.keyHash);
    const want = keyLabel(verifier.name, verifier.keyHash);
    if (!ours) {
        const found = note.signatures.map(s => keyLabel(s.name, s.keyHash)).join(', ');
        throw new errors_SumdbError('unknown-key', `note has no verifiable signatures: want a signature by ${want}, found ${found}`);
    }
    if (!verifier.verify(signedBytes, ours.sig)) {
        throw new errors_SumdbError('bad-signature', `invalid signature for key ${want}`);
    }
    return note;
}
/** Signs `text` (which must end in "\n") as note.Sign does with a single signer. */
function signNote(text, signer) {
    if (!text.endsWith('\n'))
        throw new SumdbError('bad-note', 'malformed note: text must end in \\n');
    if (!isValidKeyName(signer.name)) {
        throw new SumdbError('bad-key', `invalid signer name ${quote(signer.name)}`);
    }
    const textBytes = Buffer.from(text, 'utf8');
    const hash = Buffer.alloc(KEY_HASH_SIZE);
    hash.writeUInt32BE(signer.keyHash);
    const sig = cryptoSign(null, textBytes, signer.privateKey);
    const line = `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([hash, sig]).toString('base64')}\n`;
    return Buffer.concat([textBytes, Buffer.from(`\n${line}`, 'utf8')]);
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tiles.ts
// Hash tiles (x/mod sumdb/tlog tile.go): a tile of height H at level L, number N lists W
// consecutive hashes of tree level H·L starting at hash N·2^H; W = 2^H is a full tile, fewer is
// the partial tile at the right edge. Level -1 ("data") holds the records themselves.



/** The tile height the go command reads. */
const TILE_HEIGHT = 8;
const MAX_HEIGHT = 30;
const PATH_GROUP = 1000;
const TILE_PATH = /^tile\/([0-9]+)\/(data|[0-9]+)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([0-9]+))?$/;
function threeDigits(n) {
    return String(n % PATH_GROUP).padStart(3, '0');
}
/** "tile/H/L/NNN[.p/W]", N in groups of three digits with "x" before all but the last group. */
function tilePath(tile) {
    let rest = tile.n;
    let digits = threeDigits(rest);
    while (rest >= PATH_GROUP) {
        rest = Math.floor(rest / PATH_GROUP);
        digits = `x${threeDigits(rest)}/${digits}`;
    }
    const partial = tile.width === 2 ** tile.height ? '' : `.p/${tile.width}`;
    const level = tile.level === -1 ? 'data' : String(tile.level);
    return `tile/${tile.height}/${level}/${digits}${partial}`;
}
function badPath(path) {
    return new SumdbError('bad-tile', `malformed tile path ${quote(path)}`);
}
/** The inverse of tilePath; only the canonical spelling of a tile is accepted, as in Go. */
function parseTilePath(path) {
    const match = TILE_PATH.exec(path);
    if (!match)
        throw badPath(path);
    const [, heightText, levelText, digits, widthText] = match;
    const height = Number(heightText);
    if (height < 1 || height > MAX_HEIGHT)
        throw badPath(path);
    const data = levelText === 'data';
    const n = digits
        .split('/')
        .reduce((sum, group) => sum * PATH_GROUP + Number(group.replace('x', '')), 0);
    const width = widthText === undefined ? 2 ** height : Number(widthText);
    if (!Number.isSafeInteger(n) || width < 1 || width > 2 ** height)
        throw badPath(path);
    const tile = { height, level: data ? -1 : Number(levelText), n, width };
    // Leading zeros, an empty "x000" group or ".p/2^H" are not the canonical form.
    if (tilePath(tile) !== path)
        throw badPath(path);
    return { ...tile, data };
}
// The tile of least width that stores `index`, and where that hash's subtree lies in its data.
function locate(height, index) {
    const { level, n } = splitStoredHashIndex(index);
    const tileLevel = Math.floor(level / height);
    const levelInTile = level - tileLevel * height;
    const tileN = tlog_hash_shiftDown(n * 2 ** levelInTile, height);
    const nInTile = n - tileN * 2 ** (height - levelInTile);
    const width = (nInTile + 1) * 2 ** levelInTile;
    const tile = { height, level: tileLevel, n: tileN, width };
    return { tile, start: nInTile * 2 ** levelInTile * HASH_SIZE, end: width * HASH_SIZE };
}
/** The tile of least width that stores the hash with this stored hash index. */
function tileForIndex(height, index) {
    return locate(height, index).tile;
}
/** The hash of the complete subtree whose leaves are the hashes in `data` (2^k of them). */
function tileHash(data) {
    if (data.length === HASH_SIZE)
        return data;
    const half = data.length / 2;
    return nodeHash(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}
/** The hash with stored index `index`, read from `tile` (tileForIndex's tile or a wider one). */
function hashFromTile(tile, data, index) {
    const fullWidth = 2 ** tile.height;
    const badWidth = tile.width < 1 || tile.width > fullWidth;
    if (tile.height < 1 || tile.height > MAX_HEIGHT || tile.level < 0 || badWidth) {
        throw new RangeError(`invalid tile ${tilePath(tile)}`);
    }
    if (data.length < tile.width * HASH_SIZE) {
        throw new errors_SumdbError('bad-tile', `tile ${tilePath(tile)} has ${data.length} bytes, want ${tile.width * HASH_SIZE}`);
    }
    const { tile: home, start, end } = locate(tile.height, index);
    if (home.level !== tile.level || home.n !== tile.n || home.width > tile.width) {
        throw new RangeError(`hash index ${index} is in ${tilePath(home)}, not ${tilePath(tile)}`);
    }
    return tileHash(data.subarray(start, end));
}
/**
 * The tile `levelsUp` tile levels above `tile` (0: the tile itself), as wide as a tree of
 * `treeSize` records fills it; undefined if that tree has no hashes there.
 */
function tileInTree(tile, levelsUp, treeSize) {
    const level = tile.level + levelsUp;
    const n = tlog_hash_shiftDown(tile.n, levelsUp * tile.height);
    const available = tlog_hash_shiftDown(treeSize, level * tile.height);
    const first = n * 2 ** tile.height;
    if (first >= available)
        return undefined;
    return { height: tile.height, level, n, width: Math.min(2 ** tile.height, available - first) };
}
/** The tiles a server publishes when its log grows from `oldTreeSize` to `newTreeSize`. */
function newTiles(height, oldTreeSize, newTreeSize) {
    const tiles = [];
    const full = 2 ** height;
    for (let level = 0; shiftDown(newTreeSize, height * level) > 0; level++) {
        const oldCount = shiftDown(oldTreeSize, height * level);
        const newCount = shiftDown(newTreeSize, height * level);
        if (oldCount === newCount)
            continue;
        for (let n = shiftDown(oldCount, height); n < shiftDown(newCount, height); n++) {
            tiles.push({ height, level, n, width: full });
        }
        const last = shiftDown(newCount, height);
        const width = newCount - last * full;
        if (width > 0)
            tiles.push({ height, level, n: last, width });
    }
    return tiles;
}
/** A hash tile's bytes, from the log's stored hashes (what a server sends for tilePath(tile)). */
function readTileData(tile, readHashes) {
    const first = tile.n * 2 ** tile.height;
    const indexes = Array.from({ length: tile.width }, (_, i) => storedHashIndex(tile.height * tile.level, first + i));
    const hashes = readHashes(indexes);
    if (hashes.length !== indexes.length) {
        throw new Error(`readTileData: asked for ${indexes.length} hashes, got ${hashes.length}`);
    }
    return Buffer.concat(hashes);
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog-proof.ts
// Checking a signed tree with hash tiles, as the go command's sumdb client does: the tiles that
// hold the tree's complete-subtree hashes must fold into the signed root; every other tile must
// hash to the entry its parent tile holds. Only then is a hash read from a tile trusted.
// The caller fetches the tiles (tilesForProof says which) and hands them in by tilePath.



// The tile, as wide as the tree fills it, that holds the hash with this stored index.
function homeTile(index, treeSize) {
    const tile = tileInTree(tileForIndex(TILE_HEIGHT, index), 0, treeSize);
    if (!tile)
        throw new RangeError(`hash index ${index} is not in a tree of size ${treeSize}`);
    return tile;
}
// From each target's home tile, climb to the first tile already planned: every tile passed on
// the way is full and is authenticated by the hash its parent tile holds for it.
function planTiles(treeSize, targets) {
    const tiles = [];
    const planned = new Set();
    const add = (tile) => {
        if (!planned.has(tilePath(tile))) {
            planned.add(tilePath(tile));
            tiles.push(tile);
        }
    };
    const rootIndexes = subtreeIndexes(treeSize);
    for (const index of rootIndexes)
        add(homeTile(index, treeSize));
    const rootTileCount = tiles.length;
    for (const index of targets) {
        const base = tileForIndex(TILE_HEIGHT, index);
        const chain = [];
        for (let up = 0;; up++) {
            const tile = tileInTree(base, up, treeSize);
            if (!tile)
                throw new RangeError(`hash index ${index} is not in a tree of size ${treeSize}`);
            if (planned.has(tilePath(tile)))
                break;
            chain.push(tile);
        }
        chain.reverse().forEach(add);
    }
    return { rootIndexes, tiles, rootTileCount };
}
function tileBytes(tile, tiles) {
    const path = tilePath(tile);
    const data = tiles.get(path);
    if (!data)
        throw new errors_SumdbError('bad-tile', `missing tile ${path}`);
    if (data.length !== tile.width * HASH_SIZE) {
        throw new errors_SumdbError('bad-tile', `tile ${path} has ${data.length} bytes, want ${tile.width * HASH_SIZE}`);
    }
    return data;
}
// Authenticates the planned tiles against the signed tree; returns a reader of trusted hashes.
function authenticateTiles(tree, plan, tiles) {
    const data = new Map(plan.tiles.map(tile => [tilePath(tile), tileBytes(tile, tiles)]));
    const readFrom = (tile, index) => hashFromTile(tile, data.get(tilePath(tile)), index);
    const read = (index) => readFrom(homeTile(index, tree.size), index);
    const root = foldSubtreeHashes(plan.rootIndexes.map(read));
    if (!root.equals(tree.hash)) {
        const paths = plan.tiles.slice(0, plan.rootTileCount).map(tilePath).join(', ');
        throw new errors_SumdbError('bad-tree', `downloaded inconsistent tile: ${paths} do not hash to the signed root ` +
            `${tree.hash.toString('base64')} of the tree of size ${tree.size}`);
    }
    for (const tile of plan.tiles.slice(plan.rootTileCount)) {
        const parent = tileInTree(tile, 1, tree.size);
        const expected = readFrom(parent, tlog_hash_storedHashIndex(parent.level * parent.height, tile.n));
        if (!tileHash(data.get(tilePath(tile))).equals(expected)) {
            throw new errors_SumdbError('bad-tree', `downloaded inconsistent tile: ${tilePath(tile)} does not hash to the entry for it in ` +
                `${tilePath(parent)} in the signed tree of size ${tree.size}`);
        }
    }
    return read;
}
function checkRecordId(id, treeSize) {
    if (!Number.isSafeInteger(id) || id < 0 || id >= treeSize) {
        throw new errors_SumdbError('bad-record', `cannot validate record ${id} in tree of size ${treeSize}`);
    }
}
function checkOrder(older, newerSize) {
    if (older && older.size > newerSize) {
        throw new RangeError(`older tree (size ${older.size}) is larger than the newer (${newerSize})`);
    }
}
// The older tree's subtree hashes that must be read from the newer tree; none when the sizes
// alone settle it (an empty older tree, or equal sizes).
function olderTargets(older, newerSize) {
    if (!older || older.size === 0 || older.size === newerSize)
        return [];
    return subtreeIndexes(older.size);
}
/**
 * Every tile needed to authenticate a tree of `treeSize` records, read the leaf hash of each of
 * `recordIds`, and prove `olderTree` a prefix of it: the tiles the go command would fetch.
 */
function tilesForProof(treeSize, recordIds, olderTree) {
    recordIds.forEach(id => checkRecordId(id, treeSize));
    checkOrder(olderTree, treeSize);
    const targets = recordIds.map(id => tlog_hash_storedHashIndex(0, id));
    return planTiles(treeSize, [...targets, ...olderTargets(olderTree, treeSize)]).tiles;
}
/** Checks that each record is the leaf with its id in the signed tree, using the given tiles. */
function verifyRecordsInTree(tree, records, tiles) {
    records.forEach(record => checkRecordId(record.id, tree.size));
    const leaves = records.map(record => tlog_hash_storedHashIndex(0, record.id));
    const read = authenticateTiles(tree, planTiles(tree.size, leaves), tiles);
    records.forEach((record, i) => {
        if (!read(leaves[i]).equals(recordHash(record.data))) {
            throw new errors_SumdbError('not-in-tree', `cannot authenticate record data in server response: record ${record.id} is not ` +
                `the leaf the signed tree of size ${tree.size} holds`);
        }
    });
}
function forkError(older, newer, olderHashInNewer) {
    return new errors_SumdbError('fork', 'SECURITY ERROR\ngo.sum database server misbehavior detected!\n\n' +
        `old database: tree of size ${older.size}, hash ${older.hash.toString('base64')}\n` +
        `new database: tree of size ${newer.size}, hash ${newer.hash.toString('base64')}\n` +
        `proof of misbehavior: the new tree's hash of its first ${older.size} records is ` +
        olderHashInNewer.toString('base64'));
}
/** Checks that `older` is a prefix of `newer` (equal sizes must have equal hashes). */
function verifyConsistency(older, newer, tiles) {
    checkOrder(older, newer.size);
    const targets = olderTargets(older, newer.size);
    let hashInNewer;
    if (older.size === newer.size) {
        hashInNewer = newer.hash;
    }
    else if (older.size === 0) {
        hashInNewer = EMPTY_TREE_HASH;
    }
    else {
        const read = authenticateTiles(newer, planTiles(newer.size, targets), tiles);
        hashInNewer = foldSubtreeHashes(targets.map(read));
    }
    if (!hashInNewer.equals(older.hash))
        throw forkError(older, newer, hashInNewer);
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog-record.ts
// The checksum database's /lookup answer (x/mod sumdb/tlog note.go FormatRecord, ParseRecord):
// "<id>\n", the record (go.sum lines, each ending in "\n", no blank line), a blank line, then the
// signed tree note.




// An HTML page answering /lookup would otherwise fill the message with its first line.
const MAX_SHOWN_ID = 40;
function tlog_record_malformed(why) {
    return new errors_SumdbError('bad-record', `malformed record data: ${why}`);
}
// Go's strconv.ParseInt accepts a sign and leading zeros; ids are never negative.
function parseRecordId(text) {
    if (!/^[+-]?[0-9]+$/.test(text)) {
        const shown = text.length > MAX_SHOWN_ID ? `${text.slice(0, MAX_SHOWN_ID)}…` : text;
        throw tlog_record_malformed(`bad record id ${(0,strings/* quote */.hD)(shown)}`);
    }
    const id = Number(text) + 0;
    if (id < 0 || id > MAX_TREE_SIZE)
        throw tlog_record_malformed(`record id ${text} out of range`);
    return id;
}
/** Splits a /lookup answer into record id, record text and signed tree note. */
function parseLookup(body) {
    const idEnd = body.indexOf(0x0a);
    if (idEnd < 0)
        throw tlog_record_malformed('no record id line');
    const id = parseRecordId(body.subarray(0, idEnd).toString('utf8'));
    const rest = body.subarray(idEnd + 1);
    const blank = rest.indexOf('\n\n');
    if (blank < 0)
        throw tlog_record_malformed('no blank line after the record');
    const record = rest.subarray(0, blank + 1);
    // tlog's isValidRecordText; the split above already keeps blank lines out.
    const problem = textProblem(record);
    if (problem)
        throw tlog_record_malformed(`record text: ${problem}`);
    return { id, record, note: rest.subarray(blank + 2) };
}
// The hash of the first "<path> <version> h1:" line: the one the go command compares with.
function h1For(lines, path, version) {
    const prefix = `${path} ${version} `;
    const line = lines.find(l => l.startsWith(`${prefix}h1:`));
    return line?.slice(prefix.length);
}
/**
 * The h1: hashes a record holds for `path`@`version`: `zipHash` from "<path> <version> h1:…",
 * `modHash` from "<path> <version>/go.mod h1:…". A record with neither is for another module.
 */
function parseRecordLines(record, path, version) {
    const lines = record.toString('utf8').split('\n');
    const zipHash = h1For(lines, path, version);
    const modHash = h1For(lines, path, `${version}/go.mod`);
    if (zipHash === undefined && modHash === undefined) {
        throw new errors_SumdbError('bad-record', `record holds no go.sum lines for ${path}@${version}`);
    }
    return {
        ...(modHash === undefined ? {} : { modHash }),
        ...(zipHash === undefined ? {} : { zipHash })
    };
}

;// CONCATENATED MODULE: ./src/xmod/sumdb/tlog.ts
// The transparency log as the go command's checksum database client uses it: RFC 6962 hashing,
// height-8 hash tiles, checking records and tree growth against a signed tree, /lookup answers.





;// CONCATENATED MODULE: ./src/checksum/route-proof.ts







/** A lookup answer is a record and a note: a few hundred bytes; 100 signatures fit in 64 KiB. */
const LOOKUP_CAP = 64 << 10;
/** A full tile: 2 ** TILE_HEIGHT hashes. */
const FULL_WIDTH = 2 ** TILE_HEIGHT;
/**
 * Go reads a partial tile from a full tile's body of 256 hashes and up to 255 bytes more (see
 * prefixOfFull); any longer tile fails the proof as it fails Go's.
 */
const TILE_CAP = (HASH_SIZE + 1) * FULL_WIDTH - 1;
/**
 * Proves what one route to the checksum database says about some module versions: each lookup's
 * note is signed by the key, each record sits in the signed tree (hash tiles up to the root), and
 * every tree seen is a prefix of the newest (`seen`: trees the run proved before). `base` is
 * `<proxy>/sumdb/<name>` or the database URL.
 */
async function checkRoute(base, versions, verifier, requesters, seen = []) {
    const outcomes = await Promise.all(versions.map(v => lookup(base, v, verifier, requesters.lookups)));
    const probes = outcomes.map(o => o.record);
    // The first lookup in order that was sent names the route's problem, in the words of its own
    // last answer: which lookups the breaker then cut short is timing, and must not change the
    // reason from run to run.
    const failures = outcomes.flatMap(o => (!o.ok && !o.notFound ? [o] : []));
    const failed = failures.find(o => o.lastFailure !== undefined) ?? failures[0];
    if (failed) {
        const problem = probeReason({
            ...failed.record,
            problem: failed.lastFailure ?? failed.record.problem
        });
        return { ok: false, problem, records: [], unknown: [], probes };
    }
    const looked = outcomes.flatMap(o => (o.ok ? [o.value] : []));
    const unknown = versions.filter((_, i) => !outcomes[i].ok);
    if (looked.length === 0) {
        // A route that knows none of them proves nothing: it may be a proxy that does not really
        // serve the database. Another route, or the database itself, must say so. What the route
        // answered is quoted, as Go quotes it: a proxy may say its own upstream failed.
        const answered = probeReason(outcomes[0].record);
        return {
            ok: false,
            problem: `${noRecordOf(unknown)}: ${answered}`,
            records: [],
            unknown,
            probes
        };
    }
    // Every tree seen must be a prefix of the newest: these lookups' and the run's earlier ones.
    const trees = [...looked.map(l => l.tree), ...seen];
    const newest = trees.reduce((a, b) => (b.size > a.size ? b : a));
    const olderTrees = uniqueTrees(trees).filter(t => t.size < newest.size || !t.hash.equals(newest.hash));
    try {
        const tiles = await fetchTiles(base, newest, looked, olderTrees, requesters.tiles, probes);
        // A fork first: a record missing from a forked tree is a symptom, the fork is the cause.
        for (const older of olderTrees)
            verifyConsistency(older, newest, tiles);
        verifyRecordsInTree(newest, looked.map(l => ({ id: l.id, data: l.data })), tiles);
    }
    catch (err) {
        return { ok: false, problem: route_proof_describe(err), tree: newest, records: [], unknown, probes };
    }
    const records = looked.map(l => ({ path: l.path, version: l.version, ...l.hashes }));
    return { ok: true, tree: newest, records, unknown, probes };
}
/** Why a route proves nothing of versions it has no record of. */
function noRecordOf(versions) {
    const names = versions.map(v => `${v.path}@${v.version}`).join(', ');
    return `no record of ${names} (if private, add to GONOSUMDB)`;
}
/** Asked at most once a route (the requester shares it), so a lookup started early is reused. */
function lookup(base, v, verifier, requester) {
    return requester.runShared({
        endpoint: 'lookup',
        module: `${v.path}@${v.version}`,
        url: webJoin(base, `lookup/${pathEscape(escapePath(v.path))}@${pathEscape(escapeVersion(v.version))}`),
        maxBytes: LOOKUP_CAP,
        accept: res => asContent(() => {
            const answer = parseLookup(res.body);
            const note = openNote(answer.note, verifier);
            const tree = parseTreeNote(note.text);
            const hashes = parseRecordLines(answer.record, v.path, v.version);
            return { ...v, id: answer.id, data: answer.record, tree, hashes };
        })
    });
}
/** Fetches the tiles the proofs need; a partial tile that fails is read from its full tile, as Go does. */
async function fetchTiles(base, newest, looked, olderTrees, requester, probes) {
    const needed = new Map();
    const ids = looked.map(l => l.id);
    for (const tile of tilesForProof(newest.size, ids))
        needed.set(tilePath(tile), tile);
    for (const older of olderTrees) {
        for (const tile of tilesForProof(newest.size, [], older))
            needed.set(tilePath(tile), tile);
    }
    const tiles = new Map();
    const fetched = await Promise.allSettled([...needed].map(async ([path, tile]) => tiles.set(path, await fetchTile(base, path, tile, requester, probes))));
    // The first tile in proof order that failed names the problem, whichever failed first in time.
    const failed = fetched.find(f => f.status === 'rejected');
    if (failed)
        throw failed.reason;
    return tiles;
}
async function fetchTile(base, path, tile, requester, probes) {
    const get = async (p) => {
        const outcome = await requester.runShared({
            endpoint: 'tile',
            module: p,
            url: webJoin(base, p),
            maxBytes: TILE_CAP,
            accept: res => res.body
        });
        probes.push(outcome.record);
        return outcome;
    };
    const partial = await get(path);
    if (partial.ok)
        return partial.value;
    if (tile.width === FULL_WIDTH)
        throw new errors_SumdbError('bad-tile', probeReason(partial.record));
    // Whatever went wrong (the log grew past the tile and the server dropped it, or a mirror
    // serves no partial tiles), Go reads the tile's prefix from the full one (sumdb client.go
    // readTile); when that fails too, the partial tile's error is the one it reports.
    const full = await get(tilePath({ ...tile, width: FULL_WIDTH }));
    if (!full.ok) {
        const why = `${probeReason(partial.record)} (its full tile: ${probeReason(full.record)})`;
        throw new errors_SumdbError('bad-tile', why);
    }
    return prefixOfFull(path, tile, full.value, full.record.url);
}
/**
 * The tile's prefix of its full tile's bytes, as Go slices it: data[:len(data)/256*width], which
 * is the tile's size only when the body holds 256 hashes and less than 256 bytes more; a shorter
 * one, such as a mirror's tile that holds only the hashes it has, fails the proof (tlog's check).
 */
function prefixOfFull(path, tile, data, url) {
    const want = tile.width * HASH_SIZE;
    const kept = Math.floor(data.length / FULL_WIDTH) * tile.width;
    if (kept !== want) {
        throw new errors_SumdbError('bad-tile', `GET ${url} → ${data.length} bytes, not a full tile of ${FULL_WIDTH * HASH_SIZE}: ` +
            `TileReader returned bad result slice (${path} len=${kept}, want ${want})`);
    }
    return data.subarray(0, want);
}
function uniqueTrees(trees) {
    const seen = new Map();
    for (const t of trees)
        seen.set(`${t.size}:${t.hash.toString('base64')}`, t);
    return [...seen.values()];
}
/** Turns a verification error into a content error, so the probe is judged wrong, not retried. */
function asContent(check) {
    try {
        return check();
    }
    catch (err) {
        if (err instanceof errors_SumdbError)
            throw new ContentError(err.message);
        throw err;
    }
}
function route_proof_describe(err) {
    return err instanceof Error ? err.message : String(err);
}

;// CONCATENATED MODULE: ./src/checksum/route-checker.ts





/** Tile requests in a row that fail before a route's tiles are asked for no more. */
const TILE_FAILURES_TO_OPEN = 10;
/**
 * The run's routes to one database, each with its requesters (and breakers) for the whole run:
 * the lookups started while candidates are still probed and the proofs made later share their
 * answers. Lookups have the plan's breaker. Tiles have one that opens only after
 * TILE_FAILURES_TO_OPEN failures in a row: the go command asks a partial tile's full tile after
 * any failure (x/mod sumdb client.go readTile), and so must a proof, however the partial failed.
 */
class RouteSessions {
    plan;
    db;
    deps;
    verifier;
    byRoute = new Map();
    constructor(plan, db, deps) {
        this.plan = plan;
        this.db = db;
        this.deps = deps;
        this.verifier = parseVerifierKey(db.verifierKey);
    }
    requesters(route) {
        const key = `${route.kind} ${route.base}`;
        let requesters = this.byRoute.get(key);
        if (!requesters) {
            const tileBreaker = createBreaker({
                threshold: 1,
                cooldownMs: this.plan.breaker.cooldownMs,
                windowSize: TILE_FAILURES_TO_OPEN,
                minimumCalls: TILE_FAILURES_TO_OPEN
            }, this.deps.clock);
            requesters = {
                lookups: this.newRequester(planBreaker(this.plan, this.deps.clock)),
                tiles: this.newRequester(tileBreaker)
            };
            this.byRoute.set(key, requesters);
        }
        return requesters;
    }
    newRequester(breaker) {
        return new CandidateRequester({
            ...this.deps,
            breaker,
            timeoutMs: this.plan.timeoutMs,
            retries: this.plan.retries
        });
    }
    /**
     * Starts the lookups of `versions` on `route` for a proof to come, which finds them answered
     * (the requester shares them). Tiles are left to the proof: which it needs depends on the
     * newest tree of all its lookups, and one it does not need must not fail its route.
     */
    lookUpAhead(route, versions) {
        const { lookups } = this.requesters(route);
        for (const v of versions)
            void lookup(route.base, v, this.verifier, lookups);
    }
}
/** Proves routes to the database on demand, each at most once a run. */
class RouteChecker {
    sessions;
    versions;
    proved = new Map();
    constructor(sessions, versions) {
        this.sessions = sessions;
        this.versions = versions;
    }
    check(route) {
        const key = `${route.kind} ${route.base}`;
        let report = this.proved.get(key);
        if (!report) {
            report = this.prove(route);
            this.proved.set(key, report);
        }
        return report;
    }
    /** Every route checked so far, in the order they were asked for. */
    async reports() {
        return Promise.all(this.proved.values());
    }
    async prove(route) {
        const { verifier } = this.sessions;
        const requesters = this.sessions.requesters(route);
        return { route, verdict: await checkRoute(route.base, this.versions, verifier, requesters) };
    }
}

;// CONCATENATED MODULE: ./src/checksum/integrity.ts








/**
 * Proves the probed content against the checksum database: a candidate whose .mod or .zip differs
 * from the signed record gets a `tampered` finding, one that served a version the database does
 * not know an `unhealthy` one. One route that passes gives the truth: the routes Go would use first (an explicit
 * URL, else the proxies that serve the database), then https://<name> and the sumdb mirrors only
 * when those fail. Whether the chosen chain's own route works is decided later, in decideGosumdb.
 * Modules matching GONOSUMDB are never looked up: the database must not learn private paths.
 * `alsoLookUp` names versions to prove that no candidate served yet (the build's toolchain).
 * `sessions` carries the answers of lookups started ahead (see lookupsAhead), if any.
 */
async function checkIntegrity(plan, reports, deps, alsoLookUp = [], sessions) {
    const none = { records: [], unknown: [] };
    if (plan.checks === 'quick')
        return { status: 'not-checked', reason: 'checks: quick does not verify content', ...none };
    const db = plan.gosumdb;
    if (db.kind === 'off')
        return { status: 'off', reason: 'GOSUMDB=off: content is not verified', ...none };
    const served = versionsToCheck(plan, reports);
    if (served.length === 0)
        return { status: 'not-checked', reason: 'no fresh content to verify', db, ...none };
    // Looked up alongside what was served (the build's toolchain), never on their own: a warm run
    // that proves nothing fresh asks the database nothing.
    const extra = notPrivate(plan, alsoLookUp);
    const routes = sessions ?? new RouteSessions(plan, db, deps);
    const checker = new RouteChecker(routes, [...served, ...extra]);
    const trusted = (await findTruth(checker, firstRoutes(db, reports))) ??
        (await firstPassing(checker, fallbackRoutes(plan, db)));
    if (!trusted)
        return {
            status: 'checked',
            reason: 'no route to the checksum database passed',
            db,
            checker,
            ...none
        };
    compareServed(reports, trusted.verdict.records);
    failUnknown(reports, trusted.verdict.unknown);
    const { records, unknown } = trusted.verdict;
    return {
        status: 'checked',
        reason: `${records.length} module versions proved`,
        db,
        checker,
        records,
        unknown,
        trusted
    };
}
/**
 * Signed records are the same whichever route serves them, so one route that passes is enough:
 * the first (the one Go most likely takes) alone, and the others side by side only if it fails.
 * A slow proxy's route is then not waited for unless the go command would use it, and the
 * database's own host and the sumdb mirrors are asked only when no proxy route passes.
 */
async function findTruth(checker, routes) {
    const [first, ...rest] = routes;
    const report = first && (await checker.check(first));
    return report?.verdict.ok ? report : firstPassing(checker, rest);
}
/** Checks the routes side by side and returns the first (in order) that passed. */
async function firstPassing(checker, routes) {
    const reports = await Promise.all(routes.map(r => checker.check(r)));
    return reports.find(r => r.verdict.ok);
}
/** The module versions usable candidates served this run, except private ones. */
function versionsToCheck(plan, reports) {
    const seen = new Map();
    for (const report of reports) {
        if (!isUsable(report.verdict))
            continue;
        for (const { path, version } of report.served) {
            if (!matchPrefixPatterns(plan.patterns.gonosumdb, path))
                seen.set(`${path}@${version}`, { path, version });
        }
    }
    return [...seen.values()];
}
/**
 * Versions the database may be asked about: those GONOSUMDB does not keep from it, and every
 * toolchain, which the go command looks up whatever GONOSUMDB says (modfetch useSumDB: a toolchain
 * has no go.sum line to check it against).
 */
function notPrivate(plan, versions) {
    return versions.filter(v => v.path === TOOLCHAIN_MODULE || !matchPrefixPatterns(plan.patterns.gonosumdb, v.path));
}
/**
 * Drops the chain entry whose /sumdb/ error leaves Go no route to the database (routeBreaker),
 * unless a sumdb mirror stands in (`mirrorStandsIn`): exported as GOSUMDB="<key> <url>", it takes
 * Go past every proxy's /sumdb/. True when an entry was dropped: choose the chain again.
 */
async function dropRouteBreaker(plan, reports, chain, mirrorStandsIn) {
    const breaker = plan.gosumdb.kind === 'db' && routeBreaker(plan.gosumdb, chain);
    if (!breaker || (await mirrorStandsIn()))
        return false;
    const report = reports.find(r => r.candidate.id === breaker.candidate.id);
    if (!report || !isUsable(report.verdict))
        return false;
    const reason = `${supportedProblem(breaker)}, and no entry after it in the chain leads the go command to ` +
        'the checksum database (a proxy that serves it, or direct): every lookup would fail';
    recordFinding(report, { stage: 'route', level: 'unhealthy', reason });
    settleVerdict(report);
    return true;
}
/** What a candidate's /sumdb/<name>/supported request met, as a reason. */
function supportedProblem(report) {
    const answer = report.probes.find(r => r.endpoint === 'supported');
    return answer ? probeReason(answer) : 'its /sumdb/ failed';
}
/** A proxy whose /sumdb/ route fails would fail the go command's verification: unhealthy. */
function failProxyRoute(reports, route, problem) {
    const report = reports.find(r => r.candidate.id === route.candidate?.id);
    if (!report || !isUsable(report.verdict))
        return;
    const reason = `its checksum database proxy ${route.label} failed: ${problem ?? 'unknown error'}`;
    recordFinding(report, { stage: 'route', level: 'unhealthy', reason });
    settleVerdict(report);
}
/**
 * A candidate that served a version the database has no record of cannot be used: the go command
 * would refuse to download it (a mirror inventing versions, or a private module missing from
 * GONOSUMDB).
 */
function failUnknown(reports, unknown) {
    const missing = new Set(unknown.map(v => `${v.path}@${v.version}`));
    for (const report of reports.filter(r => isUsable(r.verdict))) {
        const served = report.served.find(s => missing.has(`${s.path}@${s.version}`));
        if (!served)
            continue;
        const reason = `served ${served.path}@${served.version}, of which the checksum database has no record ` +
            '(the go command would refuse it; if it is private, add it to GONOSUMDB or GOPRIVATE)';
        recordFinding(report, { stage: 'sumdb', level: 'unhealthy', reason });
    }
}

;// CONCATENATED MODULE: ./src/checksum/gosumdb-outcome.ts


/**
 * Decides GOSUMDB for the chosen chain: the route the go command will take with it must pass
 * (it is proved now if the integrity stage did not need it). When it fails, the first sumdb
 * mirror that passes is exported in Go's `name+key url` form; with none, a proxy route that
 * failed is handed back (`brokenProxy`) for the chain to be chosen without it. GOSUMDB=off only
 * ever comes from the user.
 */
async function decideGosumdb(plan, check, chain) {
    const keep = { gosumdb: plan.gosumdb.raw, mirrorUsed: false };
    const { checker, db } = check;
    if (check.status !== 'checked' || !checker || !db)
        return { ok: true, reason: check.reason, routes: [], ...keep };
    // An entry's /sumdb/ error Go cannot get past: no route to prove, only a mirror helps.
    const breaker = routeBreaker(db, chain);
    const want = routeForChain(db, chain);
    const proved = breaker ? undefined : await checker.check(want);
    if (proved?.verdict.ok) {
        return {
            ok: true,
            reason: `${check.reason} via ${want.label}`,
            route: want.label,
            routes: await checker.reports(),
            ...keep
        };
    }
    const problem = breaker ? supportedProblem(breaker) : (proved?.verdict.problem ?? 'unknown error');
    const failure = breaker
        ? `${problem}: the go command's route to the database stops there`
        : `${want.label} failed: ${problem}`;
    // A GOSUMDB with a URL takes the go command past every proxy's /sumdb/, the failed one too.
    const mirror = await firstPassing(checker, mirrorRoutes(plan));
    const routes = await checker.reports();
    if (!mirror && !breaker && want.kind === 'proxy')
        return { ok: false, reason: problem, routes, brokenProxy: want, ...keep };
    if (!mirror)
        return { ok: false, reason: failure, routes, ...keep };
    return {
        ok: true,
        gosumdb: `${db.verifierKey} ${mirror.route.base}`,
        reason: `${failure}; using sumdb mirror ${mirror.route.label}`,
        route: mirror.route.label,
        mirrorUsed: true,
        routes
    };
}
/**
 * Whether a sumdb mirror will be exported in place of the database's route: one passes now, or,
 * on a run that proved nothing fresh, the decision recalled from the cache exported one.
 */
async function mirrorStandsIn(plan, check, recalled) {
    if (check.checker)
        return (await firstPassing(check.checker, mirrorRoutes(plan))) !== undefined;
    return (await recalled())?.mirrorUsed === true;
}

;// CONCATENATED MODULE: ./src/select/chain.ts


/**
 * Chooses the GOPROXY to export. Only entries that passed are kept, with the user's separators;
 * `direct` and `off` stay where the user put them but never count as a proxy that passed. Mirrors
 * are exported only when no proxy of `proxies` passed.
 */
function selectChain(reports, strategy, onFailure) {
    for (const role of ['primary', 'mirror']) {
        const chain = usableChain(reports, role, strategy);
        if (chain.some(r => isUsable(r.verdict))) {
            const outcome = role === 'primary' ? 'proxies' : 'mirrors';
            return {
                outcome,
                goproxy: format(chain),
                chain,
                fallbackUsed: role === 'mirror',
                healthy: true
            };
        }
    }
    const primaries = reports.filter(r => r.candidate.role === 'primary');
    if (primaries.every(r => r.verdict === 'skipped')) {
        return {
            outcome: 'nothing-to-probe',
            goproxy: format(primaries),
            chain: primaries,
            fallbackUsed: false,
            healthy: false
        };
    }
    return failureSelection(onFailure);
}
/** What `on-failure` asks for when nothing usable was found. */
function failureSelection(onFailure) {
    if (onFailure === 'direct') {
        return {
            outcome: 'on-failure-direct',
            goproxy: 'direct',
            chain: [],
            fallbackUsed: true,
            healthy: false
        };
    }
    const outcome = onFailure === 'keep' ? 'on-failure-keep' : 'failed';
    return { outcome, chain: [], fallbackUsed: false, healthy: false };
}
function usableChain(reports, role, strategy) {
    const kept = keepWithSeparators(reports.filter(r => r.candidate.role === role));
    return strategy === 'fastest' ? fastestFirst(kept) : kept;
}
/**
 * `strategy: fastest`: the usable proxies by measured latency, never letting Go fall from one to
 * another on any error where the user's list did not: entries the user joined with `|` form a
 * group that moves as one (placed by its fastest member, ordered inside by latency), and `,`
 * stays between groups. The user's direct or off stays last, in its group.
 */
function fastestFirst(kept) {
    const groups = [];
    kept.forEach((report, i) => {
        const joined = i > 0 && kept[i - 1].candidate.entry.fallBackOnError;
        if (joined)
            groups[groups.length - 1].push(report);
        else
            groups.push([report]);
    });
    // An end has no latency: it sorts after every proxy, and its group after every other group.
    const latency = (r) => isProxyEntry(r.candidate.entry) ? (r.latencyMs ?? Number.MAX_VALUE) : Infinity;
    const ranked = groups.map(group => group.sort((a, b) => latency(a) - latency(b)));
    const worst = (group) => latency(group[group.length - 1]);
    ranked.sort((a, b) => Number(worst(a) === Infinity) - Number(worst(b) === Infinity) || latency(a[0]) - latency(b[0]));
    return ranked.flatMap(group => group.map((r, i) => withSeparator(r, i < group.length - 1)));
}
/**
 * The usable entries and the user's direct/off, each with the separator that keeps Go's walk no
 * more permissive than the user's list: dropping X from `A|X,B` gives `A,B` — the user let Go
 * reach B after X only on 404/410, so A may not fall through to B on any error either.
 */
function keepWithSeparators(own) {
    const kept = [];
    for (const report of own) {
        const { entry } = report.candidate;
        const previous = kept.at(-1);
        if (previous && !entry.fallBackOnError && !staysInChain(report)) {
            kept[kept.length - 1] = withSeparator(previous, false);
        }
        if (staysInChain(report))
            kept.push(report);
    }
    return kept;
}
/** Whether an entry stays in the chain: it passed, or it is the user's own direct/off. */
function staysInChain(report) {
    return isUsable(report.verdict) || !isProxyEntry(report.candidate.entry);
}
function withSeparator(report, fallBackOnError) {
    if (report.candidate.entry.fallBackOnError === fallBackOnError)
        return report;
    const entry = { ...report.candidate.entry, fallBackOnError };
    return { ...report, candidate: { ...report.candidate, entry } };
}
function format(chain) {
    return formatProxyList(chain.map(r => r.candidate.entry));
}

;// CONCATENATED MODULE: ./src/walk/types.ts
/**
 * `file:line` of the go.sum line a walk is for: a .info's is its zip's ("go.mod" for the
 * toolchain, which has none).
 */
function placeOf(walk) {
    const { modAt, zipAt } = walk.module;
    const at = (walk.file === 'mod' ? modAt : zipAt) ?? modAt ?? zipAt;
    return at ? `${at.file}:${at.line}` : 'go.mod';
}
/** `path@version mod|info|zip`: how a candidate's answer for one file is filed. */
function answerKey(module, file) {
    return `${module.path}@${module.version} ${file}`;
}

;// CONCATENATED MODULE: ./src/walk/breaks.ts


/**
 * Records a `build` finding on each candidate that breaks the walk: `tampered` for content that
 * contradicts go.sum, `unhealthy` for a file it cannot serve while the walk would stop at it. Per
 * candidate the first of each kind in go.sum order, so the reason does not depend on which
 * answer came first. Returns whether any candidate is now out of the chain.
 */
function recordBreaks(walks, reports) {
    const byId = new Map(reports.map(r => [r.candidate.id, r]));
    const recorded = new Set();
    for (const walk of walks) {
        const at = walk.breaksAt;
        const report = at && byId.get(at.id);
        const answer = walk.asked.at(-1)?.answer;
        if (!at || !report || !answer)
            continue;
        const level = answer.kind === 'contradicts' ? 'tampered' : 'unhealthy';
        if (recorded.has(`${at.id} ${level}`))
            continue;
        recorded.add(`${at.id} ${level}`);
        const where = placeOf(walk);
        const listed = walk.file === 'zip' ? walk.module.zipAt : walk.module.modAt;
        const reason = level === 'tampered'
            ? `${listed ? 'go.sum: ' : ''}${answer.problem} (${where}), served by ${at.display}`
            : `cannot serve the build's ${walk.module.path}@${walk.module.version} .${walk.file} (${where}): ${answer.problem}`;
        recordFinding(report, { stage: 'build', level, reason });
    }
    const touched = [...recorded].map(key => byId.get(key.split(' ')[0]));
    touched.forEach(report => report && settleVerdict(report));
    return touched.length > 0;
}

;// CONCATENATED MODULE: ./src/walk/result.ts

// A zip the build never fetches says nothing of its module when the .mod is served.
const OUTCOME_RANK = [
    'unresolved',
    'direct',
    'private',
    'served',
    'not-fetched'
];
/** The module versions at least one of whose files was walked: not only lines no build fetches. */
function walkedModules(build) {
    // A go.mod query is no module version of the build: only what it resolves to is.
    return build.modules.filter(m => m.files.some(f => f.outcome !== 'not-fetched' && f.file !== 'query'));
}
function buildResult(walks, head, toolchains, { found, queried }, answered) {
    const byModule = new Map();
    for (const walk of walks) {
        const key = `${walk.module.path}@${walk.module.version}`;
        byModule.set(key, [...(byModule.get(key) ?? []), walk]);
    }
    const modules = [...byModule.values()].map(files => moduleResult(files, head));
    const built = modules.map(m => m.module);
    return {
        found,
        queried,
        modules,
        tallies: tallies(built, answered),
        contradicted: contradictions(built, answered),
        unresolved: modules.filter(m => m.outcome === 'unresolved'),
        toolchains
    };
}
function moduleResult(files, head) {
    const worst = files.reduce((a, b) => OUTCOME_RANK.indexOf(b.outcome) < OUTCOME_RANK.indexOf(a.outcome) ? b : a);
    const zip = files.find(f => f.file === 'zip' && f.outcome !== 'not-fetched');
    const servedBy = (zip ?? files[0]).servedBy;
    const laterEntry = files.some(f => f.servedBy && head && f.servedBy.id !== head.id);
    return { module: files[0].module, outcome: worst.outcome, servedBy, laterEntry, files };
}
/** Per candidate, each module version of the build counted once by its worst answer. */
function tallies(modules, answered) {
    const rank = ['contradicts', 'failed', 'missing', 'unverified', 'served'];
    return answered
        .map(({ candidate, answers }) => {
        const counts = { serves: 0, lacks: 0, contradicts: 0, fails: 0 };
        const name = {
            served: 'serves',
            missing: 'lacks',
            contradicts: 'contradicts',
            failed: 'fails',
            // It served the file; the checksum database could not vouch for it.
            unverified: 'serves'
        };
        for (const module of modules) {
            const kinds = FILES.map(file => answers[answerKey(module, file)]?.kind).filter((k) => k !== undefined);
            if (kinds.length === 0)
                continue;
            const worst = kinds.reduce((a, b) => (rank.indexOf(b) < rank.indexOf(a) ? b : a));
            counts[name[worst]]++;
        }
        return { candidate, ...counts };
    })
        .filter(t => t.serves + t.lacks + t.contradicts + t.fails > 0);
}
const FILES = ['query', 'mod', 'info', 'zip'];
function contradictions(modules, answered) {
    return modules.flatMap(module => FILES.flatMap(file => answered.flatMap(({ candidate, answers }) => {
        const answer = answers[answerKey(module, file)];
        return answer?.kind === 'contradicts'
            ? [{ module, file, candidate, problem: answer.problem ?? 'contradicts go.sum' }]
            : [];
    })));
}

;// CONCATENATED MODULE: ./src/walk/mod-graph.ts
// The go.mod files of the build that Go loads, found as modload's readModGraph finds them: from
// each root (a requirement of the main module), and below any module whose go.mod is older than
// 1.17 (or below every root, when the main module's is) every requirement, transitively; a
// requirement of a version the main module excludes is dropped. A workspace's graph starts from
// each of its modules, and is loaded again from selected versions (see loadWorkspace). Each file
// is walked along the chain as it is reached; what a served go.mod requires (recorded with its
// answer) leads on.


/**
 * The walks of every go.mod line of the build, and of each go.mod the graph loads that no line
 * names: those Go loads, walked along the chain; the others `not-fetched`. Every go.mod line is walked instead, as when no graph can be followed, where the
 * graph is not known here: a loaded go.mod that cannot be read (fetched from version control,
 * private), or a pruned go.mod whose roots are not what minimal version selection picks (an
 * untidy go.mod: Go then loads the graph again from other versions).
 */
async function walkModGraphs(graphs, modules, walkMod) {
    const withMod = modules.filter(m => m.modHash !== undefined);
    // A module with only a zip line is the same module when the graph loads its go.mod.
    const listed = new Map(modules.map(m => [keyOf(m), m]));
    const unlisted = new Map();
    const moduleOf = (m) => {
        const key = keyOf(m);
        let module = listed.get(key) ?? unlisted.get(key);
        if (!module)
            unlisted.set(key, (module = { path: m.path, version: m.version }));
        return module;
    };
    const walks = new Map();
    const walk = (module) => {
        let started = walks.get(keyOf(module));
        if (!started)
            walks.set(keyOf(module), (started = walkMod(module)));
        return started;
    };
    const followed = await Promise.all(graphs.map(graph => followGraph(graph, moduleOf, walk)));
    if (followed.some(f => f === undefined)) {
        return { walks: await Promise.all(withMod.map(walk)), unlisted: [] };
    }
    // Below a go.mod that resolves nowhere (the step fails on it) nothing was loaded: the selection
    // is then of what was, and only decides which other lines go unasked.
    const selected = new Set(followed.flatMap(f => f ?? []));
    // go mod download fetches the .mod of each module of the build list, loaded or not.
    for (const key of selected)
        void walk(moduleOf(parseKey(key)));
    // Every go.mod line, and each go.mod the graph loaded with no line (a zip line's, or none).
    const lines = [...modules, ...unlisted.values()];
    const all = lines
        .filter(m => m.modHash !== undefined || walks.has(keyOf(m)))
        .map(module => walks.get(keyOf(module)) ?? {
        module,
        file: 'mod',
        outcome: 'not-fetched',
        asked: []
    });
    return { walks: await Promise.all(all), selected, unlisted: [...unlisted.values()] };
}
function startLoading(graph, moduleOf, walk) {
    const loaded = new Set();
    /** A module's go.mod as Go reads it: from disk when replaced by a directory, else as served. */
    const goModOf = async (m) => {
        const to = replaced(m, graph.replacements);
        if ('directory' in to) {
            if (to.goMod === undefined)
                state.followed = false;
            return to.goMod;
        }
        const result = await walk(moduleOf(to));
        const goMod = result.asked.find(a => a.candidate.id === result.servedBy?.id)?.answer.goMod;
        // Resolving nowhere, it fails the step, and the go command stops at it too: what only it
        // would lead to stays unasked. Served but unread, the graph below is unknown.
        if (goMod === undefined && result.outcome !== 'unresolved')
            state.followed = false;
        return goMod;
    };
    const state = {
        required: [...graph.roots],
        requiredBy: new Map(),
        followed: true,
        load: async (m, pruning) => {
            if (loaded.has(`${keyOf(m)} ${pruning}`))
                return;
            loaded.add(`${keyOf(m)} ${pruning}`);
            const goMod = await goModOf(m);
            if (goMod === undefined)
                return;
            const requires = goMod.requires.filter(r => !graph.excluded.has(r)).map(parseKey);
            state.required.push(...requires);
            state.requiredBy.set(keyOf(m), requires);
            if (pruning === 'pruned' && goMod.pruned)
                return;
            const next = pruning === 'unpruned' || !goMod.pruned ? 'unpruned' : 'pruned';
            await Promise.all(requires.map(r => state.load(r, next)));
        }
    };
    return state;
}
/**
 * Loads one graph from its roots, walking each go.mod it reaches; undefined when the graph cannot
 * be followed, else the modules whose zips go mod download fetches (see GraphWalk.selected).
 */
async function followGraph(graph, moduleOf, walk) {
    const loading = startLoading(graph, moduleOf, walk);
    if (graph.workspace)
        await loadWorkspace(graph.workspace, loading);
    else
        await Promise.all(graph.roots.map(r => loading.load(r, graph.unpruned ? 'unpruned' : 'pruned')));
    const selected = selectedVersions(loading.required);
    // Unpruned or a workspace, the whole graph is loaded whatever the roots say; pruned, Go
    // reloads it from other versions when they are not the ones selected.
    const pruned = !graph.unpruned && !graph.workspace;
    if (!loading.followed || (pruned && !rootsSelected(graph.roots, selected)))
        return undefined;
    // Pruned, go mod download fetches the zips of the selected versions of the roots' paths.
    // A main or workspace module is selected over any version of it a dependency requires (whose
    // go.mod Go still loads): it is on disk, nothing is fetched; nor for a directory replacement.
    const mains = new Set(graph.workspace?.map(m => m.path) ?? [graph.main]);
    const ofRoots = graph.roots.map(r => ({
        path: r.path,
        version: selected.get(r.path) ?? r.version
    }));
    const buildList = [...selected]
        .filter(([path]) => !mains.has(path))
        .map(([path, version]) => ({ path, version }));
    // Without a go line: go mod download's zips of the roots' paths, and those a -mod=mod build
    // may fetch for its packages, which go.sum lists (an old go.sum keeps the zips built from).
    const fetched = pruned
        ? ofRoots
        : graph.noGoLine
            ? [...ofRoots, ...buildList.filter(m => moduleOf(m).zipHash !== undefined)]
            : buildList;
    return fetched.flatMap(m => {
        const to = replaced(m, graph.replacements);
        return 'directory' in to ? [] : [keyOf(to)];
    });
}
/**
 * A workspace's graph (readModGraph at workspace pruning): each module's requirements, loaded as
 * its go.mod prunes; then, over and over, the selected version of each module the workspace
 * depends on where it is higher than required, with all its requirements, until none is left.
 */
async function loadWorkspace(mains, loading) {
    const mainPaths = new Set(mains.map(m => m.path));
    for (const m of mains)
        loading.requiredBy.set(keyOf({ path: m.path, version: '' }), m.requires);
    loading.required.push(...mains.flatMap(m => m.requires));
    await Promise.all(mains.flatMap(m => m.requires.map(r => loading.load(r, m.unpruned ? 'unpruned' : 'pruned'))));
    const seen = new Set(mains.map(m => keyOf({ path: m.path, version: '' })));
    const depending = new Set(mainPaths);
    for (;;) {
        const selected = selectedVersions(loading.required);
        const at = (path) => ({
            path,
            version: mainPaths.has(path) ? '' : (selected.get(path) ?? '')
        });
        const reload = new Set();
        for (const path of depending) {
            const m = keyOf(at(path));
            if (!seen.has(m))
                reload.add(m);
            else {
                for (const r of loading.requiredBy.get(m) ?? []) {
                    const s = at(r.path);
                    if (compare(s.version, r.version) > 0 && !seen.has(keyOf(s)))
                        reload.add(keyOf(s));
                }
            }
        }
        if (reload.size === 0)
            return;
        const versions = [...reload].map(parseKey);
        for (const v of versions) {
            seen.add(keyOf(v));
            depending.add(v.path);
        }
        await Promise.all(versions.map(v => loading.load(v, 'workspace')));
    }
}
/** The version minimal version selection picks for each path: the highest required. */
function selectedVersions(required) {
    const highest = new Map();
    for (const { path, version } of required) {
        const known = highest.get(path);
        if (known === undefined || compare(version, known) > 0)
            highest.set(path, version);
    }
    return highest;
}
/** Whether each root is the version minimal version selection picks for its path (once each). */
function rootsSelected(roots, selected) {
    const paths = new Set(roots.map(r => r.path));
    return paths.size === roots.length && roots.every(r => selected.get(r.path) === r.version);
}
function keyOf(m) {
    return `${m.path}@${m.version}`;
}
function parseKey(key) {
    const at = key.lastIndexOf('@');
    return { path: key.slice(0, at), version: key.slice(at + 1) };
}

;// CONCATENATED MODULE: ./src/resilience/limiter.ts
// An overall concurrency cap. cockatiel's bulkhead is not used: a queued call whose signal aborts
// stays queued until a slot frees, and a cancelled call taken from the queue does not hand its
// slot on, which can leave the calls behind it waiting forever. Nor does it know idle calls.

/** The reason an idle call's `slotTaken` aborts. */
class SlotTaken extends Error {
    name = 'SlotTaken';
    constructor() {
        super('gave its request slot to a request that was due');
    }
}
/**
 * Runs at most `concurrency` calls at once; the rest wait in order of arrival, due calls before
 * idle ones. Idle calls leave a quarter of the slots to due ones, and a due call that still has
 * to wait takes the slot of the idle call that started last, once that one may give it away.
 */
function createLimiter(concurrency) {
    if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
        throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
    }
    const slots = new Slots(concurrency);
    return async (fn, { signal, idleUntil, giveableFrom } = {}) => {
        const call = { due: !idleUntil, giveable: !giveableFrom };
        const becomeDue = () => slots.becomeDue(call);
        void idleUntil?.then(becomeDue, becomeDue);
        const becomeGiveable = () => slots.becomeGiveable(call);
        void giveableFrom?.then(becomeGiveable, becomeGiveable);
        await slots.acquire(call, signal);
        try {
            return await fn(call.slot?.signal);
        }
        finally {
            slots.release(call);
        }
    };
}
class Slots {
    concurrency;
    running = 0;
    /** Slots idle calls leave free for due ones. */
    reserve;
    // Sets iterate in insertion order: first come, first served.
    inLine = new Set();
    idle = new Set();
    /** Idle calls running that may give their slot away. */
    giveable = new Set();
    /** Idle calls told to give their slot away whose slot has not come back yet. */
    givingWay = 0;
    handedOut = 0;
    constructor(concurrency) {
        this.concurrency = concurrency;
        this.reserve = Math.floor(concurrency / 4);
    }
    acquire(call, signal) {
        signal?.throwIfAborted();
        return new Promise((resolve, reject) => {
            const grant = () => {
                stopListening();
                this.started(call);
                resolve();
            };
            (call.due ? this.inLine : this.idle).add(grant);
            call.promote = () => {
                if (this.idle.delete(grant))
                    this.inLine.add(grant);
            };
            // Hundreds may wait on one candidate's signal: onAbort keeps that to one real listener.
            const stopListening = signal
                ? (0,abort/* onAbort */.u)(signal, () => {
                    this.inLine.delete(grant);
                    this.idle.delete(grant);
                    reject(signal.reason);
                })
                : () => undefined;
            this.drain();
        });
    }
    becomeDue(call) {
        call.due = true;
        this.giveable.delete(call);
        call.promote?.();
        this.drain();
    }
    becomeGiveable(call) {
        call.giveable = true;
        if (call.due || !call.slot)
            return;
        this.giveable.add(call);
        // Once every call that became giveable with it is in the set, so the latest started goes.
        queueMicrotask(() => this.makeRoom());
    }
    release(call) {
        // Ended: it never gives a slot away again.
        call.slot = undefined;
        this.giveable.delete(call);
        if (call.gaveWay)
            this.givingWay--;
        this.running--;
        this.drain();
    }
    /** Starts waiting calls while slots are free: due ones first, idle ones outside the reserve. */
    drain() {
        while (this.running < this.concurrency) {
            const due = first(this.inLine);
            const next = due ?? (this.running < this.concurrency - this.reserve ? first(this.idle) : undefined);
            if (!next)
                break;
            this.inLine.delete(next);
            this.idle.delete(next);
            this.running++;
            next();
        }
        this.makeRoom();
    }
    started(call) {
        if (call.due)
            return;
        call.startedAs = this.handedOut++;
        call.slot = new AbortController();
        if (call.giveable)
            this.giveable.add(call);
    }
    /** One idle call gives its slot away for each due call in line, the latest started first. */
    makeRoom() {
        while (this.inLine.size > this.givingWay) {
            const victim = latestStarted(this.giveable);
            if (!victim)
                return;
            this.giveable.delete(victim);
            victim.gaveWay = true;
            this.givingWay++;
            victim.slot?.abort(new SlotTaken());
        }
    }
}
function first(set) {
    return set.values().next().value;
}
function latestStarted(calls) {
    let latest;
    for (const call of calls)
        if ((call.startedAs ?? 0) >= (latest?.startedAs ?? 0))
            latest = call;
    return latest;
}

;// CONCATENATED MODULE: ./src/walk/walk.ts






/**
 * Walks every file of the build along `chain` (the entries to export, in order) side by side; the
 * requests share the run's concurrency limit. Not asked: files of GONOPROXY modules (private),
 * zips no build fetches, go.mod files outside the module graph Go loads (not-fetched), and with
 * `checks: quick` any zip. The .info of every module whose zip is fetched is asked too, and what
 * resolves each version a main go.mod spells as a query.
 */
async function walkBuild(plan, build, chain, ask) {
    const walkOne = fileWalker(plan, chain, ask);
    if (build.queried.length > 0)
        return walkResolvingQueries(plan, build, chain, ask, walkOne);
    const download = downloadWalker(plan, walkOne);
    const { modules } = build;
    // With no entry to ask, no go.mod tells the graph: every line is unresolved, none not-fetched.
    const modGraphs = chain.length > 0 ? build.modGraphs : undefined;
    // Started in go.sum order, each module's .mod (when the graph starts from it) beside its zip:
    // the files of a module that a proxy lacks go on to the next entry together. A zip fetched only
    // when the build list has its version waits for the graph to tell.
    const roots = rootsOf(modGraphs);
    const started = new Map();
    const zips = [];
    const whenSelected = [];
    for (const m of modules) {
        if (m.modHash && (!roots || roots.has(`${m.path}@${m.version}`)))
            started.set(m, walkOne(m, 'mod'));
        if (!m.zipHash)
            continue;
        if (m.zipFetched === 'when-selected')
            whenSelected.push(m);
        else
            zips.push(...download(m, m.zipFetched !== false));
    }
    const walkMod = (m) => started.get(m) ?? walkOne(m, 'mod');
    const mods = modGraphs
        ? walkModGraphs(modGraphs, modules, walkMod)
        : Promise.all([...started.values()]).then(walks => ({ walks, unlisted: [] }));
    const selected = mods.then(graph => walkSelectedDownloads(graph, modules, whenSelected, download));
    const [graph, early, late] = await Promise.all([mods, Promise.all(zips), selected]);
    return inModuleOrder([...modules, ...graph.unlisted], [...graph.walks, ...early, ...late]);
}
/**
 * A build whose go.mod spells versions as queries: what Go asks to resolve each, then the build as
 * Go reads it once it has rewritten go.mod with the versions they resolve to (graphs followed
 * from those). While one does not resolve, the walk ends there, as the go command does.
 */
async function walkResolvingQueries(plan, build, chain, ask, walkOne) {
    const queries = build.queried.map(({ path, version, file, line }) => ({
        path,
        version,
        modAt: { file, line }
    }));
    const asked = await Promise.all(queries.map(m => walkOne(m, 'query')));
    const resolved = new Map();
    for (const walk of asked) {
        const version = walk.asked.find(a => a.candidate === walk.servedBy)?.answer.resolved;
        if (version)
            resolved.set(`${walk.module.path} ${walk.module.version}`, version);
    }
    // Go stops at a query it cannot resolve ("errors parsing go.mod"): nothing else is fetched.
    if (!asked.every(w => w.outcome === 'served'))
        return asked;
    const files = await build.withResolved(resolved);
    // Walked once: a query the rewrite could not take leaves its go.mod's lines all counting.
    const rest = await walkBuild(plan, { ...build, ...files, queried: [] }, chain, ask);
    return [...asked, ...rest];
}
/**
 * Files walked at once, per request slot. Each walk waits in the request queue with its retry,
 * breaker and abort bookkeeping: started all at once, a build of 5,000 modules queued 15,000 of
 * them, and memory grew with the build. A few per slot keep every slot busy.
 */
const WALKS_PER_SLOT = 4;
/** One file of the build: private (never asked of a proxy), not fetched, or walked. */
function fileWalker(plan, chain, ask) {
    const admit = createLimiter(WALKS_PER_SLOT * plan.concurrency);
    return async (module, file, fetched = true) => {
        if (matchPrefixPatterns(plan.patterns.gonoproxy, module.path)) {
            return { module, file, outcome: 'private', asked: [] };
        }
        if (!fetched)
            return { module, file, outcome: 'not-fetched', asked: [] };
        return admit(() => walkFile(module, file, chain, ask));
    };
}
/**
 * What `go mod download` fetches of a module besides its .mod: the .info (DownloadModule reads it
 * first; no go.sum line names it) and the zip, which `checks: quick` leaves out.
 */
function downloadWalker(plan, walkOne) {
    return (m, fetched) => {
        if (!fetched)
            return plan.checks === 'quick' ? [] : [walkOne(m, 'zip', false)];
        const info = walkOne(m, 'info');
        return plan.checks === 'quick' ? [info] : [info, walkOne(m, 'zip')];
    };
}
/**
 * The zips (and .info files) the graph decides on: of a version the build list has, and of a
 * module of the build list that go.sum has no zip line for (go mod download fetches it all the
 * same, and checks it against the checksum database, having no line to check it against).
 */
function walkSelectedDownloads(graph, modules, whenSelected, download) {
    const { selected } = graph;
    const isSelected = (m) => !selected || selected.has(`${m.path}@${m.version}`);
    const zipless = selected
        ? [...modules, ...graph.unlisted].filter(m => !m.zipHash && isSelected(m))
        : [];
    return Promise.all([
        ...whenSelected.flatMap(m => download(m, isSelected(m))),
        ...zipless.flatMap(m => download(m, true))
    ]);
}
/** In go.sum order (then the modules no line names), each module's .mod, .info, then zip. */
function inModuleOrder(modules, walks) {
    const byModule = new Map(modules.map(m => [m, []]));
    for (const walk of walks)
        byModule.get(walk.module)?.push(walk);
    return [...byModule.values()].flat();
}
/** The go.mod lines the module graphs start from (after replacement); undefined: no graph. */
function rootsOf(graphs) {
    if (!graphs)
        return undefined;
    return new Set(graphs.flatMap(g => g.roots.flatMap(r => {
        const to = replaced(r, g.replacements);
        return 'directory' in to ? [] : [`${to.path}@${to.version}`];
    })));
}
/**
 * One file along the chain, as the go command's TryProxies goes: the first entry that serves it
 * ends the walk; a 404/410 moves on; any other failure moves on only across `|`, and not even
 * there when Go would stop at it (no answer in time, a bad zip: `stopsGo`); `direct` hands it
 * to version control and `off` ends the walk. Content that contradicts go.sum ends it too: the go
 * command would stop with a checksum mismatch; so does a file the checksum database cannot vouch
 * for, blaming no entry.
 */
async function walkFile(module, file, chain, ask) {
    const asked = [];
    for (const [i, { candidate }] of chain.entries()) {
        const { entry } = candidate;
        if (entry.kind === 'direct')
            return { module, file, outcome: 'direct', asked };
        if (entry.kind === 'off')
            break;
        const answer = await ask(candidate, module, file);
        asked.push({ candidate, answer });
        if (answer.kind === 'served')
            return { module, file, outcome: 'served', servedBy: candidate, asked };
        if (answer.kind === 'contradicts') {
            return { module, file, outcome: 'unresolved', asked, breaksAt: candidate };
        }
        // The database cannot vouch for it: Go fails it whichever entry serves it, `direct` too.
        if (answer.kind === 'unverified')
            return { module, file, outcome: 'unresolved', asked };
        if (answer.kind === 'failed' && (!entry.fallBackOnError || answer.stopsGo)) {
            // Dropping the last entry would only take away what it serves: nothing comes after it.
            const later = i + 1 < chain.length ? candidate : undefined;
            return { module, file, outcome: 'unresolved', asked, breaksAt: later };
        }
    }
    return { module, file, outcome: 'unresolved', asked };
}
/**
 * For each file no entry served, asks the usable candidates the walk did not reach, so the
 * message can say what every candidate answered (a mirror may hold what the chain lacks).
 */
async function explainUnresolved(walks, reports, ask) {
    const usable = reports.filter(r => isUsable(r.verdict) && isProxyEntry(r.candidate.entry));
    const unresolved = walks.filter(w => w.outcome === 'unresolved');
    await Promise.all(unresolved.map(async (walk) => {
        const unasked = usable.filter(r => !walk.asked.some(a => a.candidate.id === r.candidate.id));
        const answers = await Promise.all(unasked.map(r => ask(r.candidate, walk.module, walk.file)));
        answers.forEach((answer, i) => walk.asked.push({ candidate: unasked[i].candidate, answer, outsideChain: true }));
    }));
}

;// CONCATENATED MODULE: ./src/walk/toolchain.ts



/**
 * Walks each toolchain module along the chain as `GOTOOLCHAIN=auto` fetches it: the zip alone
 * (modfetch Download asks a proxy for no .info or .mod of it), seen to be served, or downloaded
 * and hashed against the checksum database's record with `checks: full`. It is asked at every
 * level of `checks`: a zip-only mirror (a module cache served as a GOPROXY) holds nothing else.
 */
function walkToolchains(toolchains, records, chain, ask, checks, sumdbOff) {
    const needed = toolchains.filter((t) => !!t.module);
    return Promise.all(needed.map(async (need) => {
        const record = records.find(r => r.path === need.module.path && r.version === need.module.version);
        const module = {
            ...need.module,
            modHash: record?.modHash,
            zipHash: record?.zipHash
        };
        const files = [await walkFile(module, 'zip', chain, ask)];
        const proved = checks === 'full' && files[0].outcome === 'served' && !!record?.zipHash;
        return { need, module, proved, files, outcome: worst(files), sumdbOff };
    }));
}
function worst(files) {
    if (files.some(f => f.outcome === 'unresolved'))
        return 'unresolved';
    return files.some(f => f.outcome === 'direct') ? 'direct' : 'served';
}
/**
 * Whether GOSUMDB=off keeps the go command from switching to a toolchain along `chain`: it looks
 * every toolchain up in the database (modfetch useSumDB), but for a GOPROXY that is a single
 * `file://` URL (how Go tests a distpack).
 */
function toolchainSumdbOff(gosumdbOff, chain) {
    const entry = chain.length === 1 ? chain[0].candidate.entry : undefined;
    return gosumdbOff && !(entry?.kind === 'file' && entryText(entry).startsWith('file://'));
}
/** The toolchain walks that break the chain: only content that contradicts the database does. */
function toolchain_contradictions(results) {
    return results.flatMap(r => r.files.filter(f => f.asked.at(-1)?.answer.kind === 'contradicts'));
}
/** The answer of a served toolchain the checksum database cannot vouch for, if so. */
function toolchainUnverified(result) {
    return result.files.flatMap(f => f.asked.map(a => a.answer)).find(a => a.kind === 'unverified');
}
/**
 * What a missing toolchain, or one Go cannot verify, means for the build: a warning, since the Go
 * installed may do.
 */
function toolchainWarning(result) {
    const { name } = result.need;
    if (result.outcome === 'served' && result.sumdbOff) {
        return (`${subject(result)} is served, but GOSUMDB is off, and the go command verifies every toolchain it downloads against the checksum database. ` +
            `${switching(result, '"checksum database disabled by GOSUMDB=off"')} Install ${name} on the runner (actions/setup-go) or set a GOSUMDB.`);
    }
    if (result.outcome !== 'unresolved')
        return undefined;
    const unverified = toolchainUnverified(result);
    if (unverified) {
        return (`${subject(result)} is served, but ${unverified.problem ?? 'the checksum database cannot vouch for it'}. ` +
            `${switching(result, 'it verifies every toolchain against the checksum database')} Install ${name} on the runner (actions/setup-go).`);
    }
    const said = result.files
        .flatMap(f => f.asked.map(a => `${a.candidate.display} .${f.file}: ${a.answer.problem ?? a.answer.kind}`))
        .join('; ');
    // Go says "toolchain not available" only when every entry lacks it; else the download fails
    // with an error that is not "not found" (modfetch.TryProxies ranks those above it).
    const failed = result.files.some(f => f.asked.some(a => !a.outsideChain && a.answer.kind === 'failed'));
    const failure = failed ? 'its download fails' : '"toolchain not available"';
    return (`${subject(result)} does not resolve through the chain${said ? ` (${said})` : ''}. ` +
        `${switching(result, failure)} Install ${name} on the runner (actions/setup-go) or serve golang.org/toolchain through the proxy.`);
}
/** The toolchain module, and what asks for it. */
function subject({ module, need }) {
    const asker = need.from === 'GOTOOLCHAIN' ? 'GOTOOLCHAIN names' : `${(0,external_node_path_namespaceObject.basename)(need.file)} asks for`;
    return `${module.path}@${module.version} (the ${need.name} toolchain ${asker})`;
}
/** Which go commands switch to the toolchain, and so fail with `failure`. */
function switching({ need }, failure) {
    const { name } = need;
    if (need.from === 'GOTOOLCHAIN')
        return `Every go command but ${name} itself switches to it, and will fail to (${failure}).`;
    return `With GOTOOLCHAIN=auto, a go command older than ${name} will fail to switch (${failure}); one at ${name} or newer builds as is.`;
}

;// CONCATENATED MODULE: ./src/choose-chain.ts










/**
 * The chain, preferring one that also serves the toolchain when the chosen one breaks on it (see
 * servingToolchain); then the GOSUMDB decision that held is remembered.
 */
async function chooseChain(choice, integrity) {
    const settled = await settleChain(choice, integrity);
    const chosen = (await servingToolchain(choice, integrity, settled)) ?? settled;
    const { memory, plan } = choice;
    if (memory && integrity.status === 'checked' && chosen.sumdb.ok) {
        const { store, clock, credentialsOf } = memory;
        await rememberSumdb(store, plan, chosen.sumdb, clock.now(), credentialsOf);
    }
    return chosen;
}
/**
 * Each round walks the whole build along the chosen chain; a candidate that breaks the walk
 * (content contradicting go.sum or the database, or a failure Go does not move on from) is
 * dropped, as is a chain head whose /sumdb/ route fails, or an entry whose /sumdb/ error Go
 * cannot get past in this chain and no sumdb mirror bypasses (dropRouteBreaker), and the chain is
 * chosen again. Each round drops a candidate, so this ends. A database that fails outright, or a
 * module of the build no candidate serves, fails the run.
 */
async function settleChain(choice, integrity) {
    const { plan, reports, build, ask } = choice;
    for (;;) {
        const selection = selectChain(reports, plan.strategy, plan.onFailure);
        const { chain } = selection;
        const mirrored = () => mirrorStandsIn(plan, integrity, choice.recalledSumdb);
        if (await dropRouteBreaker(plan, reports, chain, mirrored))
            continue;
        const [walks, toolchains] = await Promise.all([
            walkBuild(plan, build, chain, ask),
            walkToolchains(build.toolchains, integrity.records, chain, ask, plan.checks, toolchainSumdbOff(plan.gosumdb.kind === 'off', chain))
        ]);
        if (recordBreaks([...walks, ...toolchain_contradictions(toolchains)], reports))
            continue;
        const sumdb = await gosumdbFor(choice, integrity, selection);
        if (sumdb.brokenProxy) {
            failProxyRoute(reports, sumdb.brokenProxy, sumdb.reason);
            continue;
        }
        await explainUnresolved(walks, reports, ask);
        const result = buildResult(walks, chain[0]?.candidate, toolchains, build, choice.answered());
        const probed = selection.outcome !== 'nothing-to-probe';
        const failed = (!sumdb.ok && selection.goproxy !== undefined && probed) ||
            (result.unresolved.length > 0 && probed);
        return {
            selection: failed ? failureSelection(plan.onFailure) : selection,
            sumdb,
            build: result
        };
    }
}
/**
 * A toolchain is no failure on its own (the Go installed may do), but a chain that serves it
 * beats one that does not. While an entry breaks the toolchain's walk (a 500, say, across `,`,
 * with entries after it), the chain is chosen again without it. The chain found is taken if it
 * serves the whole build and every toolchain, from the same list (`proxies` or `mirrors`), with
 * a head as good; else every verdict is put back as it was.
 */
async function servingToolchain(choice, integrity, chosen) {
    let breaks = toolchainBreaks(chosen);
    if (breaks.length === 0 || !isProxyChain(chosen.selection))
        return undefined;
    const saved = choice.reports.map(r => ({ ...r, findings: [...r.findings] }));
    // Before the rounds below change the verdicts of the reports it holds.
    const head = headRank(chosen);
    let tried;
    // Each round drops a candidate, so this ends.
    do {
        recordBreaks(breaks, choice.reports);
        tried = await settleChain(choice, integrity);
        breaks = toolchainBreaks(tried);
    } while (breaks.length > 0 && isProxyChain(tried.selection));
    const served = tried.build.toolchains.every(t => t.outcome !== 'unresolved');
    const sameList = tried.selection.outcome === chosen.selection.outcome;
    if (served && sameList && headRank(tried) >= head)
        return tried;
    choice.reports.forEach((report, i) => Object.assign(report, saved[i]));
    return undefined;
}
/** The toolchain walks an entry breaks (a failure Go does not move on from, entries after it). */
function toolchainBreaks({ build }) {
    return build.toolchains.flatMap(t => t.files.filter(f => f.breaksAt));
}
/** How good the chain's first proxy is, higher better: healthy over degraded (see `fail-on`). */
function headRank({ selection }) {
    const head = selection.chain.find(r => isProxyEntry(r.candidate.entry));
    return head ? LEVELS.indexOf(head.verdict) : -1;
}
/** A chain of proxies that passed (not a failure's `direct`, nor nothing). */
function isProxyChain({ outcome }) {
    return outcome === 'proxies' || outcome === 'mirrors';
}
/** Decides GOSUMDB; a run that proved nothing fresh reuses the last decision from the cache. */
async function gosumdbFor({ plan, recalledSumdb }, integrity, selection) {
    if (integrity.status === 'not-checked' && integrity.db) {
        const recalled = await recalledSumdb();
        if (recalled)
            return recalled;
    }
    return decideGosumdb(plan, integrity, selection.chain);
}

;// CONCATENATED MODULE: ./src/checksum/lookups-ahead.ts


/**
 * Told each candidate's report as its probes end, starts the database's lookups for what it
 * served, on the route checkIntegrity will try first, as soon as that route is settled: the proof
 * then finds them answered instead of starting once the slowest candidate has ended. They are
 * requests the proof makes anyway, on the requester it uses, so what it decides is unchanged;
 * only when they are sent. The build's toolchain (`alsoLookUp`) is looked up with the first
 * versions served, as checkIntegrity does.
 */
function lookupsAhead(plan, sessions, alsoLookUp) {
    if (!sessions || plan.checks === 'quick')
        return () => undefined;
    const reports = new Map();
    let pending = [];
    let extra = notPrivate(plan, alsoLookUp);
    return report => {
        reports.set(report.candidate.id, report);
        pending.push(...versionsToCheck(plan, [report]));
        const route = settledFirstRoute(sessions.db, plan.candidates, c => reports.get(c.id));
        if (!route || pending.length === 0)
            return;
        sessions.lookUpAhead(route, [...pending, ...extra]);
        pending = [];
        extra = [];
    };
}

;// CONCATENATED MODULE: ./src/checksum/record-lookup.ts





/**
 * Looks versions up, each at most once a run, once checkIntegrity is done: on the route that gave
 * it its truth (its records and unknowns answer without a request), else, when it proved nothing
 * fresh (every verdict came from the cache), on the one route the go command will take with the
 * exported GOSUMDB and chain: it falls back to no other, so neither does the lookup.
 */
function recordLookup(plan, integrity, context) {
    const asked = new Map();
    return version => {
        if (notPrivate(plan, [version]).length === 0)
            return Promise.resolve(undefined);
        const key = `${version.path}@${version.version}`;
        let answer = asked.get(key);
        if (!answer) {
            answer = integrity.then(check => lookUpOn(plan, check, context, version));
            asked.set(key, answer);
        }
        return answer;
    };
}
async function lookUpOn(plan, check, context, v) {
    const same = (w) => w.path === v.path && w.version === v.version;
    const known = check.records.find(same);
    if (known)
        return { record: known };
    const noRecord = `the checksum database has ${noRecordOf([v])}`;
    if (check.unknown.some(same))
        return { problem: noRecord };
    const { sessions } = context;
    const routes = await routesFor(plan, check, context);
    if (!sessions || routes.length === 0)
        return undefined;
    const proved = check.trusted?.verdict.tree;
    const seen = proved ? [proved] : [];
    const problems = [];
    for (const route of routes) {
        const requesters = sessions.requesters(route);
        const verdict = await checkRoute(route.base, [v], sessions.verifier, requesters, seen);
        if (verdict.records[0])
            return { record: verdict.records[0] };
        if (verdict.unknown.length > 0)
            return { problem: noRecord };
        problems.push(`${route.label}: ${verdict.problem ?? 'unknown error'}`);
    }
    const name = `${v.path}@${v.version}`;
    return {
        problem: `the checksum database could not be asked about ${name} (${problems.join('; ')})`
    };
}
/**
 * Whether files with no go.sum line are looked up: on the route the integrity check trusted, or,
 * when it proved nothing fresh, on the route Go takes with the exported GOSUMDB. Not when content
 * is not verified (`checks: quick`, GOSUMDB=off) or no route to the database passed.
 */
function looksUpUnlisted(plan, check) {
    return (check.trusted !== undefined ||
        (check.status === 'not-checked' && check.db !== undefined && plan.checks !== 'quick'));
}
/**
 * The routes of looksUpUnlisted, in the order they are tried: the trusted one; else Go's one
 * route for the chain, when the reports say which proxies before it serve the database; else
 * (their probes asked no /sumdb/, as when every probe module is private) each route Go might take.
 */
async function routesFor(plan, check, { reports, chain, recalledGosumdb }) {
    if (check.trusted)
        return [check.trusted.route];
    if (!looksUpUnlisted(plan, check) || !check.db)
        return [];
    const recalled = await recalledGosumdb?.();
    const spec = recalled === undefined ? check.db : parseGosumdb(recalled);
    const db = spec.kind === 'db' ? spec : check.db;
    const walked = chain();
    const end = walked.findIndex(r => !isProxyEntry(r.candidate.entry));
    const asked = end < 0 ? walked : walked.slice(0, end);
    if (db.url || asked.every(r => r.sumdb !== undefined))
        return [routeForChain(db, walked)];
    return [...firstRoutes(db, reports), ...fallbackRoutes(plan, db)];
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/http/file.ts



/**
 * Serves a `file://` GOPROXY from disk as the go command reads one: a missing file is "not found"
 * (404), anything else readable is the answer. Lets file candidates take the same probes.
 */
const fileGet = async (request) => {
    const started = performance.now();
    const path = (0,external_node_url_namespaceObject.fileURLToPath)(request.url);
    let status = 200;
    let answer;
    try {
        answer = await readAnswer(path, request);
    }
    catch (err) {
        const code = err.code;
        if (err instanceof types/* HttpError */.j$)
            throw err;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
            throw new types/* HttpError */.j$('protocol', `cannot read ${path}: ${code ?? String(err)}`);
        }
        status = 404;
        answer = { body: Buffer.from(`not found: ${path}\n`) };
    }
    const ms = Math.round(performance.now() - started);
    const contentType = status === 404 ? 'text/plain; charset=utf-8' : '';
    return { status, contentType, headers: {}, ...answer, timing: { headersMs: ms } };
};
/**
 * The file's bytes as an answer, reading no more than the request needs: its first bytes, or
 * none when the body is wanted in a file (it already is one: read it in place), or the whole file
 * within the cap.
 */
async function readAnswer(path, request) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const { size } = await file.stat();
        if (request.firstBytes !== undefined) {
            const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(request.firstBytes) });
            return { body: buffer.subarray(0, bytesRead) };
        }
        if (size > request.maxBytes)
            throw new types/* HttpError */.j$('too-large', `${path} is larger than ${request.maxBytes} bytes`);
        if (request.spoolTo !== undefined)
            return { body: Buffer.alloc(0), bodyFile: path };
        return { body: await file.readFile({ signal: request.signal }) };
    }
    finally {
        await file.close();
    }
}
/**
 * Sends file:// requests to disk and everything else to the network. The scheme is matched in
 * any case, as Go's url.Parse lowercases it: GOPROXY=FILE:///srv/proxy is a file proxy to Go.
 */
function withFileUrls(network) {
    return request => (/^file:/i.test(request.url) ? fileGet(request) : network(request));
}

;// CONCATENATED MODULE: ./src/xmod/zipnames.ts
// The name rules of a module zip, as golang.org/x/mod/zip's checkZip applies them to each entry:
// the module@version/ prefix, clean paths, module.CheckFilePath, case-fold collisions and where
// go.mod may be. Messages are Go's, so a report reads like the go command's error.

const zipnames_utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');
/** Whether Go's path.Clean(p) == p (Clean keeps a leading ".." of a relative path). */
function isCleanPath(p) {
    if (p === '')
        return false;
    if (p === '/' || p === '.')
        return true;
    const rooted = p.startsWith('/');
    let sawName = rooted;
    for (const elem of (rooted ? p.slice(1) : p).split('/')) {
        if (elem === '' || elem === '.')
            return false;
        if (elem !== '..')
            sawName = true;
        else if (sawName)
            return false;
    }
    return true;
}
const FILE_NAME_PUNCTUATION = '!#$%&()+,-.=@[]^_{}~ ';
const zipnames_WINDOWS_RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL']);
const WINDOWS_NUMBERED = /^(COM|LPT)[1-9]$/;
/**
 * module.CheckFilePath's rule for one character of a file name. JavaScript's Unicode tables may
 * be newer than Go's: a letter added since Go's version passes here but fails in Go.
 */
function fileNameCharOK(ch) {
    if (/^[0-9A-Za-z]$/.test(ch))
        return true;
    if (ch.charCodeAt(0) < 0x80)
        return FILE_NAME_PUNCTUATION.includes(ch);
    return /^\p{L}$/u.test(ch);
}
function zipnames_checkElement(elem) {
    if (elem === '')
        return 'empty path element';
    if (/^\.+$/.test(elem))
        return `invalid path element ${(0,strings/* quote */.hD)(elem)}`;
    if (elem.endsWith('.'))
        return 'trailing dot in path element';
    for (const ch of elem) {
        if (!fileNameCharOK(ch))
            return `invalid char ${(0,strings/* quoteRune */.Zx)(ch)}`;
    }
    // Windows refuses these device names, with or without an extension.
    const short = elem.split('.', 1)[0];
    const upper = short.toUpperCase();
    if (zipnames_WINDOWS_RESERVED.has(upper) || WINDOWS_NUMBERED.test(upper)) {
        return `${(0,strings/* quote */.hD)(short)} disallowed as path element component on Windows`;
    }
    return undefined;
}
/** module.CheckFilePath: undefined when `p` is a valid file path inside a module. */
function checkFilePath(p, validUtf8 = true) {
    const reason = (() => {
        if (!validUtf8)
            return 'invalid UTF-8';
        if (p === '')
            return 'empty string';
        if (p.includes('//'))
            return 'double slash';
        if (p.endsWith('/'))
            return 'trailing slash';
        for (const elem of p.split('/')) {
            const bad = zipnames_checkElement(elem);
            if (bad !== undefined)
                return bad;
        }
        return undefined;
    })();
    return reason === undefined ? undefined : `malformed file path ${(0,strings/* quote */.hD)(p)}: ${reason}`;
}
/**
 * A key equal for two strings exactly when Go's strings.EqualFold says they are equal (simple
 * case folding). JavaScript exposes that folding only through case-insensitive Unicode regular
 * expressions, so each non-ASCII character is mapped to the lower case of its upper case when
 * such a regular expression agrees they fold together (that excludes dotless i and other special
 * cases), else to its own lower case when that folds with it, else to itself.
 */
function foldKey(s) {
    if (!/\P{ASCII}/u.test(s))
        return s.toLowerCase();
    let key = '';
    for (const ch of s)
        key += foldChar(ch);
    return key;
}
/** Bounded: only letters get here, as other characters fail checkFilePath first. */
const foldCache = new Map();
function foldChar(ch) {
    if (ch.charCodeAt(0) < 0x80)
        return ch.toLowerCase();
    let folded = foldCache.get(ch);
    if (folded === undefined) {
        const escaped = `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
        const foldsWith = (other) => [...other].length === 1 && new RegExp(`^${escaped}$`, 'iu').test(other);
        const viaUpper = ch.toUpperCase().toLowerCase();
        const lower = ch.toLowerCase();
        folded = foldsWith(viaUpper) ? viaUpper : foldsWith(lower) ? lower : ch;
        foldCache.set(ch, folded);
    }
    return folded;
}
/** Finds names equal under case folding, and names used both as a file and as a directory. */
class CollisionChecker {
    seen = new Map();
    /** Records `p` and its parent directories; returns the problem, if any, as Go words it. */
    check(p, isDir) {
        const key = foldKey(p);
        const other = this.seen.get(key);
        if (other === undefined) {
            this.seen.set(key, { path: p, isDir });
        }
        else if (other.path !== p) {
            const message = `case-insensitive file name collision: ${(0,strings/* quote */.hD)(other.path)} and ${(0,strings/* quote */.hD)(p)}`;
            return { code: 'case-collision', message };
        }
        else if (other.isDir !== isDir) {
            return { code: 'duplicate', message: `entry ${(0,strings/* quote */.hD)(p)} is both a file and a directory` };
        }
        else if (!isDir) {
            return { code: 'duplicate', message: `multiple entries for file ${(0,strings/* quote */.hD)(p)}` };
        }
        const slash = p.lastIndexOf('/');
        return slash > 0 ? this.check(p.slice(0, slash), true) : undefined;
    }
}
/** The go.mod placement rules: only at the root, spelled in lower case. */
function checkGoModPlacement(rel) {
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    if (foldKey(base) !== 'go.mod')
        return undefined;
    if (base !== rel)
        return { code: 'gomod-not-at-root', message: 'go.mod file not in module root directory' };
    if (rel !== 'go.mod')
        return { code: 'gomod-case', message: 'go.mod files must have lowercase names' };
    return undefined;
}
/**
 * Applies checkZip's name rules to one entry. Returns the name inside the module, null for the
 * `<module>@<version>/` entry itself (which Go skips), or the problem.
 */
function checkEntryName(raw, prefix, collisions) {
    const file = lossyUtf8.decode(raw);
    const problem = (p) => ({
        code: p.code,
        file,
        message: `${file}: ${p.message}`
    });
    const prefixBytes = Buffer.from(prefix);
    if (!raw.subarray(0, prefixBytes.length).equals(prefixBytes)) {
        return problem({ code: 'bad-prefix', message: `path does not have prefix ${(0,strings/* quote */.hD)(prefix)}` });
    }
    let rel = file.slice(prefix.length);
    if (rel === '')
        return null;
    const isDir = rel.endsWith('/');
    if (isDir)
        rel = rel.slice(0, -1);
    if (!isCleanPath(rel))
        return problem({ code: 'unsafe-path', message: 'file path is not clean' });
    const malformed = checkFilePath(rel, isValidUtf8(raw));
    if (malformed !== undefined)
        return problem({ code: 'unsafe-path', message: malformed });
    const collision = collisions.check(rel, isDir);
    if (collision !== undefined)
        return problem(collision);
    const goMod = isDir ? undefined : checkGoModPlacement(rel);
    return goMod === undefined ? { rel, isDir } : problem(goMod);
}
function isValidUtf8(raw) {
    try {
        zipnames_utf8.decode(raw);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/xmod/zip-entries.ts

/** The zip's next entry, undefined at the end; rejects when `signal` aborts. */
function nextEntry(zipfile, signal) {
    return new Promise((resolve, reject) => {
        const cleanup = () => {
            zipfile.removeListener('entry', onEntry);
            zipfile.removeListener('end', onEnd);
            zipfile.removeListener('error', onError);
            stopListening();
        };
        const onEntry = (entry) => (cleanup(), resolve(entry));
        const onEnd = () => (cleanup(), resolve(undefined));
        const onError = (err) => (cleanup(), reject(err));
        zipfile.on('entry', onEntry);
        zipfile.on('end', onEnd);
        zipfile.on('error', onError);
        // The signal is a candidate's, shared by all its zips: one real listener for all (abort.ts).
        const stopListening = signal
            ? (0,abort/* onAbort */.u)(signal, () => (cleanup(), reject(signal.reason)))
            : () => undefined;
        zipfile.readEntry();
    });
}
function openEntry(zipfile, entry) {
    return new Promise((resolve, reject) => {
        zipfile.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
    });
}
/**
 * Feeds the stream to `onChunk` until it ends; stops early, destroying the stream, when
 * `onChunk` returns a problem (rejecting with LimitReached) or when `signal` aborts.
 */
function consume(stream, signal, onChunk) {
    return new Promise((resolve, reject) => {
        const stop = (reason) => {
            stopListening();
            stream.destroy();
            reject(reason);
        };
        const stopListening = signal ? (0,abort/* onAbort */.u)(signal, () => stop(signal.reason)) : () => undefined;
        stream.on('data', (chunk) => {
            const problem = onChunk(chunk);
            if (problem !== undefined)
                stop(new LimitReached(problem));
        });
        stream.on('error', err => stop(err));
        stream.on('end', () => {
            stopListening();
            resolve();
        });
    });
}
/** Ends the reading of an entry that went past a limit. */
class LimitReached extends Error {
    problem;
    constructor(problem) {
        super(problem.message);
        this.problem = problem;
        this.name = 'LimitReached';
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: ./src/xmod/zip-open.ts
// Opening a module zip where Go's archive/zip finds it (readDirectoryEnd): the end of central
// directory record is the last one in the file's final 65 KiB, its comment must fit in the bytes
// left, and any bytes after the comment are ignored. yauzl insists the comment runs to the end of
// the file, so it is handed a view of the zip that ends where Go's record does. Only the tail of a
// file is read to find it.


const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]); // "PK\x05\x06"
/** The end record up to its comment; the comment's length is its last two bytes. */
const END_LENGTH = 22;
/** How far from the end of the file archive/zip looks for the end record. */
const END_SEARCH_BYTES = 65 * 1024;
/** Bytes read from the file at a time. */
const READ_CHUNK = 64 * 1024;
const NOT_FOUND = 'End of central directory record signature not found. Either not a zip file, or file is truncated.';
/**
 * The length of the zip as Go reads it, given the last END_SEARCH_BYTES (or all) of a file of
 * `size` bytes: up to the end of the last end record's comment. Throws when there is no record,
 * or when the last one's comment claims more bytes than the file has left (Go gives up then too).
 */
function zipLength(tail, size) {
    const at = tail.length < END_LENGTH ? -1 : tail.lastIndexOf(END_SIGNATURE, -END_LENGTH);
    if (at < 0)
        throw new Error(NOT_FOUND);
    const commentLength = tail.readUInt16LE(at + END_LENGTH - 2);
    const left = tail.length - at - END_LENGTH;
    const offset = size - tail.length + at;
    if (commentLength > left) {
        throw new Error(`invalid comment length: the end of central directory record at offset ${offset} declares a ${commentLength}-byte comment, but only ${left} bytes follow it`);
    }
    return offset + END_LENGTH + commentLength;
}
/** Opens `zip` with yauzl, as far as Go's end record reaches (see zipLength). */
async function openZip(yauzl, zip, options) {
    if (Buffer.isBuffer(zip)) {
        const length = zipLength(zip.subarray(-END_SEARCH_BYTES), zip.length);
        return yauzl.fromBufferPromise(zip.subarray(0, length), options);
    }
    const handle = await (0,promises_.open)(zip.file, 'r');
    try {
        const { size } = await handle.stat();
        const tail = Buffer.alloc(Math.min(size, END_SEARCH_BYTES));
        const { bytesRead } = await handle.read(tail, 0, tail.length, size - tail.length);
        if (bytesRead < tail.length)
            throw new Error(`${zip.file} shrank while it was read`);
        const reader = fileReader(yauzl, handle);
        // Closing the zipfile releases the reader, which closes the file.
        return await yauzl.fromRandomAccessReaderPromise(reader, zipLength(tail, size), {
            ...options,
            autoClose: false
        });
    }
    catch (err) {
        await handle.close();
        throw err;
    }
}
let FileReader;
/**
 * A yauzl reader of an open file (yauzl's own takes its size from the file, not from us). Its
 * streams read with positions: a destroyed fs stream would close the file under the others.
 */
function fileReader(yauzl, handle) {
    FileReader ??= class extends yauzl.RandomAccessReader {
        #handle;
        constructor(file) {
            super();
            this.#handle = file;
        }
        _readStreamForRange(start, end) {
            return external_node_stream_.Readable.from(readRange(this.#handle, start, end), { objectMode: false });
        }
        close(callback) {
            this.#handle.close().then(() => callback(null), callback);
        }
    };
    return new FileReader(handle);
}
/** Bytes `start` to `end` (exclusive) of the file, a chunk at a time; fewer at its end. */
async function* readRange(handle, start, end) {
    for (let position = start; position < end;) {
        const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, end - position));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
        if (bytesRead === 0)
            return; // yauzl reports the missing bytes
        position += bytesRead;
        yield chunk.subarray(0, bytesRead);
    }
}

;// CONCATENATED MODULE: ./src/xmod/zip.ts
// Checks a module zip the way the go command does before it trusts one: x/mod zip's CheckZip
// rules and limits, and the h1: hash of every entry (modfetch hashZip → dirhash.HashZip).
// Nothing in the zip's headers is trusted: sizes are counted as the bytes are inflated.







/** x/mod zip's MaxZipFile: the most bytes of a module zip, and of its content once inflated. */
const MAX_ZIP_FILE = 500 << 20;
/** x/mod zip's limits: MaxZipFile for the zip and its content, MaxGoMod and MaxLICENSE. */
const GO_ZIP_LIMITS = Object.freeze({
    maxUncompressed: MAX_ZIP_FILE,
    maxGoModOrLicense: 16 << 20,
    maxZipBytes: MAX_ZIP_FILE
});
const EMPTY_SHA256 = sha256Hex(Buffer.alloc(0));
const DATA_DESCRIPTOR_FLAG = 0x8;
/**
 * yauzl, loaded with the first zip (a chunk of the bundle of its own): a run that reads none (a
 * warm cache, `checks: quick`) never loads it.
 */
async function loadZipReader() {
    return (await __nccwpck_require__.e(/* import() */ 663).then(__nccwpck_require__.t.bind(__nccwpck_require__, 663, 19))).default;
}
/**
 * Checks `zip` (in memory or on disk) as the module zip of `path`@`version` (both unescaped). Bad
 * input never throws: it is reported in `problems` (bytes that are not a zip give 'bad-zip').
 * Rejects only with `signal.reason` when `signal` aborts, or when the reader cannot be loaded.
 */
async function checkModuleZip(zip, path, version, limits, signal) {
    signal?.throwIfAborted();
    const scan = {
        prefix: `${path}@${version}/`,
        limits,
        signal,
        problems: [],
        collisions: new CollisionChecker(),
        hashed: [],
        files: 0,
        declaredBytes: 0,
        uncompressedBytes: 0,
        reading: true
    };
    const bytes = Buffer.isBuffer(zip) ? zip.length : (await (0,promises_.stat)(zip.file)).size;
    if (limits.maxZipBytes !== undefined && bytes > limits.maxZipBytes) {
        const message = `module zip file is too large (${bytes} bytes; limit is ${limits.maxZipBytes} bytes)`;
        return result(scan, { code: 'too-large', message });
    }
    const yauzl = await loadZipReader();
    let zipfile;
    try {
        const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true };
        zipfile = await openZip(yauzl, zip, options);
    }
    catch (err) {
        return result(scan, { code: 'bad-zip', message: `not a valid zip file: ${messageOf(err)}` });
    }
    // Errors outside a read are not ours to report (reads report their own); never let one crash.
    zipfile.on('error', () => { });
    try {
        if (limits.maxEntries !== undefined && zipfile.entryCount > limits.maxEntries) {
            const message = `zip has ${zipfile.entryCount} entries (limit is ${limits.maxEntries})`;
            return result(scan, { code: 'too-many-entries', message });
        }
        await scanEntries(zipfile, scan);
        return result(scan);
    }
    finally {
        zipfile.close();
    }
}
function result(scan, problem) {
    if (problem !== undefined) {
        scan.problems.push(problem);
        scan.reading = false;
    }
    return {
        ok: scan.problems.length === 0,
        problems: scan.problems,
        files: scan.files,
        uncompressedBytes: scan.uncompressedBytes,
        h1: scan.reading ? hashEntries(scan.hashed) : undefined,
        goMod: scan.reading ? scan.goMod : undefined
    };
}
/**
 * Go's HashZip hashes every entry, directories included, by its full name; when a name occurs
 * twice its file map keeps the last entry, so every line for that name uses the last content.
 * A name with a newline makes Go's hash fail, so there is no hash (the name is reported anyway).
 */
function hashEntries(hashed) {
    if (hashed.some(entry => entry.name.includes(0x0a)))
        return undefined;
    const key = (name) => name.toString('latin1'); // one string per byte sequence
    const last = new Map(hashed.map(entry => [key(entry.name), entry.sha256hex]));
    const builder = new Hash1Builder();
    for (const { name, sha256hex } of hashed)
        builder.add(name, last.get(key(name)) ?? sha256hex);
    return builder.digest();
}
async function scanEntries(zipfile, scan) {
    for (;;) {
        scan.signal?.throwIfAborted();
        let entry;
        try {
            entry = await nextEntry(zipfile, scan.signal);
        }
        catch (err) {
            scan.signal?.throwIfAborted();
            failRead(scan, { code: 'bad-zip', message: `not a valid zip file: ${messageOf(err)}` });
            return;
        }
        if (entry === undefined)
            return;
        await scanEntry(zipfile, entry, scan);
    }
}
async function scanEntry(zipfile, entry, scan) {
    const named = checkEntryName(entry.fileNameRaw, scan.prefix, scan.collisions);
    const isDir = entry.fileNameRaw.at(-1) === 0x2f; // '/': Go's test for a directory entry
    const file = entry.fileNameRaw.toString();
    if (named !== null && 'code' in named)
        scan.problems.push(named);
    if (!isDir)
        scan.files++;
    const rel = named !== null && !('code' in named) ? named.rel : undefined;
    checkDeclaredSize(scan, file, rel, entry.uncompressedSize);
    if (!scan.reading)
        return;
    if (isDir) {
        if (entry.uncompressedSize !== 0) {
            const message = `${file}: directory entry has ${entry.uncompressedSize} bytes of data`;
            return failRead(scan, { code: 'bad-zip', file, message });
        }
        scan.hashed.push({ name: entry.fileNameRaw, sha256hex: EMPTY_SHA256 });
        return;
    }
    await readEntry(zipfile, entry, scan, file, rel);
}
/** x/mod's limits on the sizes the headers declare: the total, the root go.mod and LICENSE. */
function checkDeclaredSize(scan, file, rel, size) {
    const { maxUncompressed, maxGoModOrLicense } = scan.limits;
    scan.declaredBytes += size;
    if (scan.declaredBytes > maxUncompressed && scan.reading) {
        failRead(scan, totalTooLarge(maxUncompressed));
    }
    if (hasOwnLimit(rel) && size > maxGoModOrLicense) {
        failRead(scan, fileTooLarge(file, rel, maxGoModOrLicense));
    }
}
function hasOwnLimit(rel) {
    return rel === 'go.mod' || rel === 'LICENSE';
}
function totalTooLarge(max) {
    const message = `total uncompressed size of module contents too large (max size is ${max} bytes)`;
    return { code: 'too-large', message };
}
function fileTooLarge(file, rel, max) {
    return {
        code: 'too-large',
        file,
        message: `${file}: ${rel} file too large (max size is ${max} bytes)`
    };
}
/** Records a problem after which the content is no longer read (so there will be no hash). */
function failRead(scan, problem) {
    scan.problems.push(problem);
    scan.reading = false;
}
/**
 * Streams one entry through SHA-256 and CRC-32, counting the inflated bytes against the limits
 * again (yauzl also stops an entry that inflates past its declared size). Keeps go.mod's bytes.
 */
async function readEntry(zipfile, entry, scan, file, rel) {
    const { maxUncompressed, maxGoModOrLicense } = scan.limits;
    const sha = (0,external_node_crypto_.createHash)('sha256');
    // yauzl has loaded zlib by now; a static import would load it for runs that read no zip.
    const { crc32 } = process.getBuiltinModule('node:zlib');
    const kept = [];
    let crc = 0;
    let size = 0;
    try {
        const stream = await openEntry(zipfile, entry);
        await consume(stream, scan.signal, chunk => {
            size += chunk.length;
            scan.uncompressedBytes += chunk.length;
            sha.update(chunk);
            crc = crc32(chunk, crc);
            if (rel === 'go.mod')
                kept.push(chunk);
            if (scan.uncompressedBytes > maxUncompressed)
                return totalTooLarge(maxUncompressed);
            if (hasOwnLimit(rel) && size > maxGoModOrLicense) {
                return fileTooLarge(file, rel, maxGoModOrLicense);
            }
            return undefined;
        });
    }
    catch (err) {
        scan.signal?.throwIfAborted();
        if (err instanceof LimitReached)
            return failRead(scan, err.problem);
        return failRead(scan, { code: 'bad-zip', file, message: `${file}: ${messageOf(err)}` });
    }
    // As Go's zip reader: a CRC of 0 without a data descriptor means "not recorded".
    const crcRecorded = entry.crc32 !== 0 || (entry.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) !== 0;
    if (crcRecorded && crc >>> 0 !== entry.crc32 >>> 0) {
        return failRead(scan, { code: 'bad-zip', file, message: `${file}: zip: checksum error` });
    }
    scan.hashed.push({ name: entry.fileNameRaw, sha256hex: sha.digest('hex') });
    if (rel === 'go.mod')
        scan.goMod = Buffer.concat(kept);
}

;// CONCATENATED MODULE: ./src/probe/rev-info.ts
/**
 * An .info or @latest answer decoded as the go command decodes it (modfetch/proxy.go): Go's
 * encoding/json into modfetch.RevInfo. So keys match fields case-insensitively and, in document
 * order, a later key overrides an earlier one; null leaves a field unset; unknown keys are ignored;
 * a value of the wrong type fails the answer, even in a field Go does not use here (Origin).
 */

// modfetch.RevInfo as JSON sees it (Name and Short are `json:"-"`), and codehost.Origin.
const REV_INFO = { Version: 'string', Time: 'time', Origin: 'origin' };
const ORIGIN = Object.fromEntries(['VCS', 'URL', 'Subdir', 'Hash', 'TagPrefix', 'TagSum', 'Ref', 'RepoSum'].map(f => [f, 'string']));
/** Decodes `text` (the answer to `what`); throws ContentError where json.Unmarshal fails. */
function decodeRevInfo(text, what) {
    try {
        JSON.parse(text);
    }
    catch (err) {
        throw new ContentError(`invalid JSON in ${what}: ${err.message}`);
    }
    const info = { Version: '' };
    decodeObject(text.trim(), REV_INFO, what, (field, value) => {
        if (field === 'Version')
            info.Version = value;
        if (field === 'Time')
            info.Time = value;
    });
    return info;
}
/** `raw`, valid JSON, decoded into `fields`: `set` gets each string field in document order. */
function decodeObject(raw, fields, where, set) {
    if (raw === 'null')
        return;
    if (!raw.startsWith('{'))
        throw new ContentError(`${where} is a JSON ${jsonType(raw)}, not an object`);
    for (const [key, value] of members(raw)) {
        const field = fieldOf(key, fields);
        if (field === undefined || value === 'null')
            continue;
        const at = `"${field}" field of ${where}`;
        if (fields[field] === 'origin') {
            decodeObject(value, ORIGIN, at, () => undefined);
            continue;
        }
        if (!value.startsWith('"'))
            throw new ContentError(`${at} is a JSON ${jsonType(value)}`);
        // time.Time reads the string's raw bytes, escapes and all.
        if (fields[field] === 'time' && !isRfc3339(value.slice(1, -1)))
            throw new ContentError(`invalid ${at}: ${value}`);
        set(field, JSON.parse(value));
    }
}
/** An object's members in document order: each key unescaped, each value as its raw JSON. */
function members(object) {
    const found = [];
    let depth = 0;
    let start = 0;
    let key;
    for (let i = 0; i < object.length; i++) {
        const c = object[i];
        if (c === '"') {
            const end = stringEnd(object, i);
            if (depth === 1 && key === undefined)
                key = JSON.parse(object.slice(i, end));
            i = end - 1;
        }
        else if (c === '{' || c === '[') {
            depth++;
        }
        else if (c === ':' && depth === 1) {
            start = i + 1;
        }
        else if ((c === ',' && depth === 1) || ((c === '}' || c === ']') && --depth === 0)) {
            if (key !== undefined)
                found.push([key, object.slice(start, i).trim()]);
            key = undefined;
        }
    }
    return found;
}
/** The index just past the JSON string that opens at `at`. */
function stringEnd(text, at) {
    let i = at + 1;
    while (text[i] !== '"')
        i += text[i] === '\\' ? 2 : 1;
    return i + 1;
}
/** encoding/json prefers the exact name, then one equal under Unicode simple case folding. */
function fieldOf(key, fields) {
    if (Object.hasOwn(fields, key))
        return key;
    const folded = fold(key);
    return Object.keys(fields).find(f => fold(f) === folded);
}
// Simple case folding, as far as it reaches the ASCII letters of the field names: a-z, the long s
// and the Kelvin sign; any other character folds only to itself or to letters no field has.
const fold = (name) => name.replace(/[a-z\u017f\u212a]/g, c => c === '\u017f' ? 'S' : c === '\u212a' ? 'K' : c.toUpperCase());
function jsonType(raw) {
    if (raw.startsWith('['))
        return 'array';
    if (raw.startsWith('"'))
        return 'string';
    if (raw === 'true' || raw === 'false')
        return 'boolean';
    return 'number';
}
// time.Parse(time.RFC3339), which Time.UnmarshalJSON falls back to: a one- or two-digit hour, a
// fraction after "." or ",", a zone offset up to 24:60.
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d?):(\d\d):(\d\d)([.,]\d+)?(Z|[+-](\d\d):(\d\d))$/;
/** Whether Go's time.Parse(time.RFC3339, text) succeeds. */
function isRfc3339(text) {
    return rfc3339Millis(text) !== undefined;
}
/**
 * The instant of an RFC 3339 time Go parses, in milliseconds since 1970 (fractions kept), or
 * undefined when Go refuses it.
 */
function rfc3339Millis(text) {
    const m = RFC3339.exec(text);
    if (!m)
        return undefined;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const [zoneHour, zoneMinute] = [m[9], m[10]].map(n => Number(n ?? 0));
    const valid = month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= daysIn(month, year) &&
        hour <= 23 &&
        minute <= 59 &&
        second <= 59 &&
        zoneHour <= 24 &&
        zoneMinute <= 60;
    if (!valid)
        return undefined;
    const fraction = m[7] ? Number(`0.${m[7].slice(1)}`) * 1000 : 0;
    const sign = m[8].startsWith('-') ? -1 : 1;
    const offset = sign * (zoneHour * 60 + zoneMinute) * 60_000;
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, day);
    utc.setUTCHours(hour, minute, second);
    return utc.getTime() + fraction - offset;
}
function daysIn(month, year) {
    if (month !== 2)
        return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
}

;// CONCATENATED MODULE: ./src/probe/content.ts
/**
 * What a correct answer to each proxy-protocol request looks like, as the go command reads it
 * (modfetch/proxy.go, modload): what Go accepts passes, what it refuses fails. An answer that
 * fails and is an HTML page says so, since that is what a captive portal or a login page sends.
 */




// Bytes, not a decoded string: Go's JSON sees a byte-order mark (and fails on it).
const decode = (body) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
// unicode.IsSpace, which strings.Fields splits on (JavaScript's \s differs: it takes U+FEFF, not U+0085).
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
/** Go's zero time (0001-01-01T00:00:00Z): latestFromList takes only a line later than it. */
const ZERO_TIME_MS = -62_135_596_800_000;
/** The list never fails: Go skips every line it cannot read. */
function parseList(body) {
    const versions = [];
    let newestByTime;
    let newest = ZERO_TIME_MS;
    for (const line of decode(body).split('\n')) {
        const [version, time] = line.split(GO_SPACE).filter(field => field !== '');
        if (!version || !isValid(version))
            continue;
        const pseudo = isPseudoVersion(version);
        if (!pseudo)
            versions.push(version);
        const at = time ?? (pseudo ? pseudoVersionTime(version) : undefined);
        // A time Go cannot parse is its zero time, never the latest.
        const ms = at === undefined ? undefined : rfc3339Millis(at);
        if (ms !== undefined && ms > newest) {
            newest = ms;
            newestByTime = version;
        }
    }
    return { versions, newestByTime };
}
/** The yyyymmddhhmmss of a pseudo-version, as RFC 3339 (checked by the caller). */
function pseudoVersionTime(version) {
    const stamp = /(\d{14})-[^-]+$/.exec(version.split('+')[0])?.[1] ?? '';
    const [y, mo, d, h, mi, s] = stamp.match(/^(\d{4})|\d\d/g) ?? [];
    return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
/**
 * An .info answer (`requested` is its version: Go wants exactly that one back) or an @latest
 * answer (Go takes any version it names; the probe wants a valid one to ask for).
 */
function parseInfo(body, contentType, requested) {
    const what = requested ? `${requested}.info` : '@latest';
    const info = failingAsHtml(body, contentType, what, () => decodeRevInfo(decode(body), what));
    if (requested && info.Version !== requested) {
        throw new ContentError(`proxy returned info for version ${info.Version || '""'} instead of requested version ${requested}`);
    }
    if (!isValid(info.Version)) {
        throw new ContentError(`${what} has no valid "Version" field`);
    }
    return info;
}
/** The go.mod Go reads (modfile.ParseLax) must name `path` in its one module statement. */
function checkGoMod(body, contentType, path) {
    const declared = failingAsHtml(body, contentType, 'go.mod', () => moduleOf(decode(body)));
    if (declared !== path)
        throw new ContentError(`go.mod declares module ${declared}, want ${path}`);
}
function moduleOf(text) {
    let found;
    try {
        found = statements(text, 'go.mod').filter(s => s.verb === 'module');
    }
    catch (err) {
        throw new ContentError(err.message);
    }
    if (found.length === 0)
        throw new ContentError('go.mod has no module directive');
    if (found.length > 1)
        throw new ContentError(`go.mod:${found[1].line}: repeated module statement`);
    const [{ args, line }] = found;
    if (args.length !== 1)
        throw new ContentError(`go.mod:${line}: usage: module module/path`);
    return args[0];
}
/** Runs `read`; when it fails on an HTML page, the failure says what the page is. */
function failingAsHtml(body, contentType, what, read) {
    try {
        return read();
    }
    catch (err) {
        const head = body.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
        const html = /text\/html/i.test(contentType) ||
            head.startsWith('<!doctype html') ||
            head.startsWith('<html');
        if (!html)
            throw err;
        throw new ContentError(`${what} is an HTML page: not a Go module proxy (captive portal?)`);
    }
}

;// CONCATENATED MODULE: ./src/build/retract.ts
// The versions a go.mod retracts (golang.org/x/mod/modfile: `retract v1.2.3` or
// `retract [v1.0.0, v1.0.5]`, on a line or in a block), as cmd/go/internal/modload's
// CheckRetractions reads them from the go.mod of a module's latest version: with modfile.ParseLax,
// which skips a retract line it cannot read and keeps the others.


/**
 * Whether `goMod` (the text of a module's latest go.mod) retracts a version. A go.mod the lexer
 * refuses retracts nothing: Go then allows every version (its error is not ErrDisallowed).
 */
function retractedBy(goMod) {
    let intervals;
    try {
        intervals = statements(goMod, 'go.mod')
            .filter(s => s.verb === 'retract')
            .flatMap(s => intervalOf(s.args));
    }
    catch {
        return () => false;
    }
    return version => intervals.some(([low, high]) => compare(low, version) <= 0 && compare(version, high) <= 0);
}
/** modfile's parseVersionInterval, lax: none for a line it cannot read. */
function intervalOf(args) {
    const [first, low, comma, high, last] = args;
    if (first !== '[') {
        const version = canonical(first);
        return version ? [[version, version]] : [];
    }
    if (comma !== ',' || last !== ']')
        return [];
    const [from, to] = [canonical(low), canonical(high)];
    return from && to ? [[from, to]] : [];
}
/** module.CanonicalVersion, which modfile's parseVersion writes a version as (v1.2 → v1.2.0). */
function canonical(version) {
    if (version === undefined || !isValid(version))
        return undefined;
    return semver_canonical(version) + (version.endsWith('+incompatible') ? '+incompatible' : '');
}

;// CONCATENATED MODULE: ./src/probe/requests.ts



/** Caps far below Go's 500 MiB: enough for any probe module, small enough for a runner. */
const TEXT_CAP = 4 << 20;
/** `<base>/<escaped module path>/<rest>`, e.g. rest `@v/list` or `@latest`. */
function moduleUrl(base, path, rest) {
    return joinUrlPath(base, `${pathEscape(escapePath(path))}/${rest}`);
}
/**
 * A candidate's first request, asked alone: what the go command asks first for this module —
 * the .info of a pinned version (`go mod download m@v` never lists), else the version list.
 */
function firstContact(base, module) {
    if (module.version === 'latest')
        return listRequest(base, module);
    return infoRequest(base, module.path, module.version);
}
function listRequest(base, module) {
    return {
        endpoint: 'list',
        module: `${module.path}@${module.version}`,
        url: moduleUrl(base, module.path, '@v/list'),
        maxBytes: TEXT_CAP,
        accept: res => parseList(res.body)
    };
}
function latestRequest(base, path) {
    return {
        endpoint: 'latest',
        module: `${path}@latest`,
        url: moduleUrl(base, path, '@latest'),
        maxBytes: TEXT_CAP,
        accept: res => parseInfo(res.body, res.contentType)
    };
}
/**
 * An .info; `exact`: Go wants that very version back (proxy.go Stat asks it of a canonical
 * version only).
 */
function infoRequest(base, path, version, exact = true) {
    return {
        endpoint: 'info',
        module: `${path}@${version}`,
        url: versionFileUrl(base, path, version, 'info'),
        maxBytes: TEXT_CAP,
        accept: res => parseInfo(res.body, res.contentType, exact ? version : undefined)
    };
}
/**
 * A .mod, whatever it says: resolving @latest reads it as bytes (query.go versionHasGoMod), the
 * probe of a version then checks it. Shared by URL, so the two are one request.
 */
function modRequest(base, path, version) {
    return {
        endpoint: 'mod',
        module: `${path}@${version}`,
        url: versionFileUrl(base, path, version, 'mod'),
        maxBytes: TEXT_CAP,
        accept: res => res
    };
}

;// CONCATENATED MODULE: ./src/probe/latest.ts




/** The query failed on a go.mod it had to read: its record says why. */
class GoModUnavailable extends Error {
}
/**
 * The versions a latest query considers, in ascending order (query.go filterVersions): once a
 * +incompatible version follows a compatible one whose go.mod is real (not the one-line go.mod a
 * proxy makes up for a module without one), the +incompatible versions are left out, and so is
 * everything above them. `hasGoMod` fetches that go.mod.
 */
async function consideredVersions(versions, hasGoMod) {
    // semver.Sort: by precedence, then as strings (v1.2 before v1.2.0).
    const sorted = [...versions].sort((a, b) => compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    const considered = [];
    let lastCompatible;
    for (const [index, version] of sorted.entries()) {
        if (!version.endsWith('+incompatible'))
            lastCompatible = version;
        else if (lastCompatible !== undefined) {
            if (await hasGoMod(lastCompatible))
                break;
            // No go.mod: legacy major-version tags count, from here on.
            return [...considered, ...sorted.slice(index)];
        }
        considered.push(version);
    }
    return considered;
}
/** The newest release of the considered versions, else the newest pre-release. */
async function latestFromList(versions, hasGoMod) {
    const considered = await consideredVersions(versions, hasGoMod);
    const releases = considered.filter(v => !prerelease(v));
    return releases.at(-1) ?? considered.at(-1);
}
/** The requests of one resolution, shared with the probes that follow (runShared). */
class Asker {
    base;
    path;
    requester;
    records = [];
    constructor(base, path, requester) {
        this.base = base;
        this.path = path;
        this.requester = requester;
    }
    /** Whether `version` has a go.mod of its own; throws GoModUnavailable when it cannot be read. */
    hasGoMod = async (version) => {
        const body = await this.goMod(version);
        if (body === undefined)
            throw new GoModUnavailable();
        // modfetch.LegacyGoMod: what a proxy serves for a module version without a go.mod.
        return body !== `module ${this.path}\n`;
    };
    async goMod(version) {
        const outcome = await this.requester.runShared(modRequest(this.base, this.path, version));
        this.records.push(outcome.record);
        return outcome.ok ? outcome.value.body.toString('latin1') : undefined;
    }
    /** The version Go's Stat gives back for `version` (its .info, unless canonical already). */
    async stat(version) {
        if (isCheckedVersion(this.path, version))
            return version;
        const info = await this.requester.runShared(infoRequest(this.base, this.path, version, false));
        this.records.push(info.record);
        return info.ok ? info.value.Version : undefined;
    }
    async latest() {
        const latest = await this.requester.run(latestRequest(this.base, this.path));
        this.records.push(latest.record);
        return latest;
    }
}
/**
 * The version `go get M@latest` takes on this candidate, with the requests that decided it (the
 * query of modload/query.go with CheckAllowed): the newest of the list, @latest, or the list by
 * time, as latestIgnoringRetractions picks; then, if that version's go.mod retracts it (modload
 * CheckRetractions), the newest version the list holds that it does not retract, else @latest if
 * that is not retracted, else no version ("no matching versions"). `probe` asks for the files of
 * the version taken: those of the first pick go out while its go.mod is read (they share that
 * request), so only a retracted pick costs a round trip, and its files then count for nothing.
 */
async function resolveLatest(base, path, list, requester, probe) {
    const ask = new Asker(base, path, requester);
    const done = async (version) => ({
        version,
        records: ask.records,
        probed: version === undefined ? undefined : await probe(version)
    });
    const first = await latestIgnoringRetractions(ask, list);
    if (!first.version)
        return done();
    const [probed, goMod] = await Promise.all([probe(first.version), ask.goMod(first.version)]);
    const retracted = goMod === undefined ? () => false : retractedBy(goMod);
    if (!retracted(first.version))
        return { version: first.version, records: ask.records, probed };
    const allowed = list.versions.filter(v => !retracted(v));
    let fromList;
    try {
        fromList = await latestFromList(allowed, ask.hasGoMod);
    }
    catch (err) {
        if (err instanceof GoModUnavailable)
            return done();
        throw err;
    }
    if (fromList)
        return done(await ask.stat(fromList));
    // Go's repo.Latest: @latest, else (404/410) the list's newest line by time; another error is
    // the query's own.
    const latest = first.latest ?? (await ask.latest());
    if (!latest.ok && !latest.notFound)
        return done();
    const version = latest.ok ? await ask.stat(latest.value.Version) : list.newestByTime;
    if (version && !retracted(version)) {
        latest.record.ok = true;
        latest.record.problem = undefined;
        return done(version);
    }
    latest.record.ok = false;
    latest.record.problem = `no matching versions for query "latest" (the go.mod of ${first.version} retracts every version this proxy offers)`;
    return done();
}
/**
 * modload's queryLatestVersionIgnoringRetractions on this candidate: the version, and @latest's
 * answer if it was asked.
 */
async function latestIgnoringRetractions(ask, list) {
    let fromList;
    try {
        fromList = await latestFromList(list.versions, ask.hasGoMod);
    }
    catch (err) {
        if (err instanceof GoModUnavailable)
            return {};
        throw err;
    }
    if (fromList)
        return { version: await ask.stat(fromList) };
    const latest = await ask.latest();
    if (latest.ok)
        return { version: await ask.stat(latest.value.Version), latest };
    if (!latest.notFound)
        return { latest };
    if (!list.newestByTime) {
        latest.record.problem = `no matching versions for query "latest" (${latest.record.problem})`;
        return { latest };
    }
    // A missing @latest is no failure: Go reads the list instead.
    latest.record.ok = true;
    latest.record.problem = undefined;
    return { version: list.newestByTime, latest };
}
/** Whether Go's Stat wants this very version back: canonical, and valid for the path. */
function isCheckedVersion(path, version) {
    try {
        checkVersion(path, version);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/probe/module-probe.ts









const ZIP_CAP = 64 << 20;
const ZIP_LIMITS = { maxUncompressed: 256 << 20, maxGoModOrLicense: 16 << 20 };
/**
 * Probes one module on one candidate as the go command resolves it: a pinned version's .info,
 * .mod and .zip at once; else the list first, then the version it names (@latest only when it
 * tags none, since only then does Go ask). For a pinned module, a list that fails (an
 * allow-listing mirror's 403, a cache-only proxy's 500 with its upstream gone) leaves the builds
 * that pin it working: degraded, not unusable.
 */
async function probeModule(base, module, checks, requester) {
    const list = askList(base, module, requester);
    if (module.version !== 'latest') {
        const [listOutcome, files] = await Promise.all([
            list,
            probeVersion(base, module.path, module.version, checks, requester)
        ]);
        if (!listOutcome.ok)
            listOutcome.record.tolerated = true;
        const unlisted = listOutcome.ok
            ? await latestOfEmptyList(base, module.path, listOutcome.value, checks, requester, module.version)
            : [];
        const records = [listOutcome.record, ...unlisted, ...files.records];
        return { ...files, records, version: module.version };
    }
    const listOutcome = await list;
    const probe = (version) => probeVersion(base, module.path, version, checks, requester);
    const resolved = listOutcome.ok
        ? await resolveLatest(base, module.path, listOutcome.value, requester, probe)
        : { records: [] };
    // With no version, a failed request among these says why.
    const records = [listOutcome.record, ...resolved.records];
    const files = resolved.probed;
    if (!resolved.version || !files)
        return { records };
    return { ...files, records: [...records, ...files.records], version: resolved.version };
}
/** A module's version list; advisory for a pinned module, whose builds never read it. */
function askList(base, module, requester) {
    const asker = module.version === 'latest' ? requester : requester.advisory();
    return asker.runShared(listRequest(base, module));
}
/**
 * A list that tags no version (an empty one, as a proxy cut off from its upstream serves) sends
 * `go get M@latest` to @latest and on, then to the files of the version it resolves; when that
 * fails, so does `go get M@latest` through this entry ("no matching versions" when nothing
 * resolves). The builds that pin the module still work: these requests are advisory (the
 * breaker does not count them), and their failures make the candidate degraded.
 */
async function latestOfEmptyList(base, path, list, checks, requester, pinnedVersion) {
    if (list.versions.length > 0)
        return [];
    const advisory = requester.advisory();
    // The pinned version's files are probed already.
    const probe = async (version) => version === pinnedVersion ? undefined : probeVersion(base, path, version, checks, advisory);
    const resolved = await resolveLatest(base, path, list, advisory, probe);
    const records = [...resolved.records, ...(resolved.probed?.records ?? [])];
    for (const record of records)
        if (!record.ok)
            record.tolerated = true;
    return records;
}
async function probeVersion(base, path, version, checks, requester) {
    const module = `${path}@${version}`;
    const served = { path, version };
    const probes = [
        requester.runShared(infoRequest(base, path, version))
    ];
    if (checks !== 'quick') {
        const mod = requester.runShared(modRequest(base, path, version));
        probes.push(mod.then(outcome => checkedGoMod(outcome, path, served)));
    }
    if (checks === 'full') {
        probes.push(requester.run({
            endpoint: 'zip',
            module,
            url: versionFileUrl(base, path, version, 'zip'),
            maxBytes: ZIP_CAP,
            accept: async (res) => {
                served.zipHash = await readZipHash(res.body, path, version, requester.signal);
            }
        }));
    }
    const outcomes = await Promise.all(probes);
    return { records: outcomes.map(o => o.record), served };
}
/**
 * The .mod's outcome once its module statement is checked (the request may have been made to
 * resolve @latest, which reads it as bytes): on success its content is `served`.
 */
function checkedGoMod(outcome, path, served) {
    if (!outcome.ok)
        return outcome;
    try {
        checkGoMod(outcome.value.body, outcome.value.contentType, path);
        served.goMod = outcome.value.body;
    }
    catch (err) {
        if (!(err instanceof ContentError))
            throw err;
        outcome.record.ok = false;
        outcome.record.problem = namingEncoding(err, outcome.value).message;
    }
    return outcome;
}
/** The h1: of a module zip that passes x/mod's checks; a ContentError names the first problem. */
async function readZipHash(zip, path, version, signal, limits = ZIP_LIMITS) {
    // A reader that cannot be loaded (a partial install of the bundle) is the runner's failure.
    await loadZipReader().catch((err) => {
        throw new types/* LocalError */.il(`cannot load the zip reader: ${messageOf(err)}`);
    });
    const check = await checkModuleZip(zip, path, version, limits, signal);
    const problem = check.problems[0];
    if (problem)
        throw new ContentError(`invalid module zip: ${problem.message}`);
    if (!check.h1)
        throw new ContentError('invalid module zip: could not be read whole');
    return check.h1;
}

;// CONCATENATED MODULE: ./src/probe/verdict.ts



/** Counts and the median time to headers over a candidate's successful probes. */
function tallyProbes(records) {
    const passed = records.filter(r => r.ok);
    const latencies = passed.map(r => r.latencyMs).filter((n) => n !== undefined);
    return { checksPassed: passed.length, checksTotal: records.length, latencyMs: median(latencies) };
}
/**
 * What a candidate's probes established, worst first. Failures (unhealthy): a timeout, then real
 * answers, then requests cut short; when the circuit breaker cut requests off, the reason says so.
 * Then what still works but costs builds (degraded): rate limits, a refusal to list a pinned
 * module, slow answers, retries.
 */
function probeFindings(records, limits) {
    return [...failureFindings(records), ...degradedFindings(records, limits)];
}
function failureFindings(records) {
    const failed = records.filter(r => !r.ok && !r.tolerated);
    const answered = failed.filter(r => r.attempts > 0 && !r.breakerOpen);
    const ordered = [
        ...answered.filter(r => r.timedOut),
        ...answered.filter(r => !r.timedOut),
        ...failed.filter(r => r.attempts === 0 || r.breakerOpen)
    ];
    const cutOff = failed.filter(r => r.breakerOpen).length;
    const breakerNote = cutOff > 0 ? `; then the circuit breaker opened and ${cutOff} request(s) were not asked` : '';
    return ordered.map((record, i) => ({
        stage: 'probe',
        level: 'unhealthy',
        reason: probeReason(record) + (i === 0 && record.attempts > 0 ? breakerNote : '')
    }));
}
function degradedFindings(records, { timeoutMs, slowMs }) {
    const degraded = (reason) => ({ stage: 'probe', level: 'degraded', reason });
    const passed = records.filter(r => r.ok);
    const findings = [];
    const limited = passed.find(r => r.rateLimited);
    if (limited?.rateLimited) {
        const wait = seconds(limited.rateLimited.retryAfterMs);
        findings.push(degraded(`rate limited: GET ${limited.url} asked to wait ${wait} (Retry-After), then answered`));
    }
    const refused = records.find(r => r.tolerated && r.endpoint !== 'supported');
    if (refused) {
        findings.push(degraded(`${probeReason(refused)}: builds that pin versions work, resolving new versions through it does not`));
    }
    const noDatabase = records.find(r => r.tolerated && r.endpoint === 'supported');
    if (noDatabase) {
        findings.push(degraded(`${probeReason(noDatabase)}: Go reaches the checksum database past it (the next entry across |, or a sumdb mirror), not through it`));
    }
    const slow = passed.find(r => r.totalMs > slowMs);
    if (slow) {
        const bound = `slow-threshold ${seconds(slowMs)}, timeout ${seconds(timeoutMs)}`;
        findings.push(degraded(`slow: GET ${slow.url} took ${seconds(slow.totalMs)} (${bound})`));
    }
    const retried = passed.filter(r => r.attempts > 1);
    if (retried.length > 0) {
        const sent = records.filter(r => r.attempts > 0).length;
        const example = `GET ${retried[0].url} took ${retried[0].attempts} attempts`;
        findings.push(degraded(`needed retries on ${retried.length} of ${sent} requests: ${example}`));
    }
    return findings;
}
/**
 * Records a staleness finding on each usable candidate whose @latest resolved older than another
 * usable candidate's: its cache is behind, and `go get -u` through it would miss the newest
 * release. Only usable candidates set the bar — a broken or tampered mirror's "newer" version
 * proves nothing.
 */
function staleFindings(reports, compare) {
    const usable = reports.filter(r => isUsable(r.verdict));
    const newest = new Map();
    for (const report of usable) {
        for (const [path, version] of Object.entries(report.latest)) {
            const best = newest.get(path);
            if (!best || compare(version, best) > 0)
                newest.set(path, version);
        }
    }
    for (const report of usable) {
        const behind = Object.entries(report.latest).find(([path, v]) => compare(v, newest.get(path) ?? v) < 0);
        if (!behind)
            continue;
        const [path, version] = behind;
        recordFinding(report, {
            stage: 'staleness',
            level: 'degraded',
            reason: `stale: @latest of ${path} is ${version}, another candidate serves ${newest.get(path)}`
        });
    }
}
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/probe/candidate.ts







/** Probes one proxy (http, https or file, at `base`) with every probe module, side by side. */
async function probeCandidate(candidate, base, o) {
    const requester = new CandidateRequester(o);
    // A breaker an earlier run left open gets exactly one half-open trial: the contact, alone.
    const halfOpen = o.breaker.state !== 'closed';
    // A contact unanswered for half the slow threshold is slow at best: what rides beside it may
    // then give its slot to a request that is due (see contact()).
    const first = requester.contact(firstContact(base, o.modules[0]), o.slowMs / 2);
    if (halfOpen)
        await first;
    // Every probe starts now: what needs no answer rides beside the first contact (see contact()),
    // the lists first, as they name the versions whose files are asked next.
    for (const m of o.modules)
        void askList(base, m, requester);
    const asking = o.sumdbName
        ? askSumdbSupported(base, o.sumdbName, requester, {
            passable: candidate.entry.fallBackOnError || o.sumdbMirrored === true
        })
        : undefined;
    const probing = Promise.all(o.modules.map(m => probeModule(base, m, o.checks, requester)));
    const contact = await first;
    if (!contact.ok) {
        const reason = `${halfOpen ? 'half-open trial failed: ' : ''}${probeReason(contact.record)}`;
        // Judged on the contact alone: which riders were sent, and how far they got, is timing.
        const probes = [contact.record, ...(await ridersSent(probing, asking, contact.record))];
        return {
            ...verdictOnly(candidate, 'unhealthy', reason, 'contact'),
            ...tallyProbes([contact.record]),
            probes,
            retries: requester.retries,
            breaker: o.breaker.state
        };
    }
    const [results, sumdb] = await Promise.all([probing, asking]);
    // A request two modules share (the same list, .info or .mod) is one request, one record.
    const probes = [
        ...new Set([...results.flatMap(r => r.records), ...(sumdb ? [sumdb.record] : [])])
    ];
    const latest = {};
    const served = [];
    results.forEach((result, i) => {
        if (o.modules[i].version === 'latest' && result.version)
            latest[o.modules[i].path] = result.version;
        if (result.served)
            served.push(result.served);
    });
    const report = {
        candidate,
        verdict: 'healthy',
        reason: '',
        findings: probeFindings(probes, o),
        ...tallyProbes(probes),
        retries: requester.retries,
        probes,
        latest,
        served,
        breaker: o.breaker.state,
        sumdb: sumdb?.support
    };
    settleVerdict(report);
    return report;
}
/** The requests that rode beside a failed first contact and reached the candidate. */
async function ridersSent(probing, asking, contact) {
    const [results, sumdb] = await Promise.all([probing, asking]);
    const records = new Set([...results.flatMap(r => r.records), ...(sumdb ? [sumdb.record] : [])]);
    return [...records].filter(r => r !== contact && (r.attempts > 0 || r.gaveWay));
}
/**
 * 200: the proxy serves the database; 404/410: it does not (Go asks the next entry, or goes
 * direct). Another error fails the candidate, unless something may take Go past it (`passable`:
 * `|` after it, Go then asks the next entry; or a sumdb mirror): the error is then tolerated (a
 * degraded finding), and the chain decides (routeBreaker). A timeout never is: Go would hang.
 */
async function askSumdbSupported(base, name, requester, { passable }) {
    const outcome = await requester.run({
        endpoint: 'supported',
        module: name,
        url: webJoin(base, `sumdb/${name}/supported`),
        maxBytes: TEXT_CAP,
        accept: () => true,
        // When Go can get past its failure, that failure must not cut the candidate's files.
        advisory: passable
    });
    if (outcome.ok)
        return { record: outcome.record, support: 'supported' };
    const { record } = outcome;
    if (!outcome.notFound) {
        // Sent, and failed in a way Go moves on from (a timeout it would wait out; a breaker cut
        // means the candidate failed elsewhere).
        const movesOn = record.attempts > 0 && !record.timedOut && !record.breakerOpen;
        if (!passable || !movesOn)
            return { record };
        return { record: { ...record, tolerated: true }, support: 'failed' };
    }
    return { record: { ...outcome.record, ok: true, problem: undefined }, support: 'unsupported' };
}
/**
 * A report with one finding and no probe behind it: a skipped entry, or a verdict reached before
 * any answer (first contact failed, or the breaker is open).
 */
function verdictOnly(candidate, level, reason, stage = 'contact') {
    return {
        candidate,
        verdict: level,
        reason,
        findings: level === 'healthy' ? [] : [{ stage, level, reason }],
        checksPassed: 0,
        checksTotal: 0,
        retries: 0,
        probes: [],
        latest: {},
        served: []
    };
}

;// CONCATENATED MODULE: ./src/probe/engine.ts





/**
 * Probes every candidate side by side and returns one report each, in the plan's order. A
 * candidate whose verdict the cache still holds gets no request.
 */
async function probeAll(plan, run) {
    const modules = plan.modules.filter(m => !matchPrefixPatterns(plan.patterns.gonoproxy, m.path));
    const skippedModules = plan.modules
        .filter(m => !modules.includes(m))
        .map(m => ({
        module: m.text,
        reason: 'matches GONOPROXY: the go command fetches it direct, never from a proxy'
    }));
    // Candidates enter a few at a time: a list of a thousand holds the state of a handful at once,
    // while each candidate's requests still wait only for the overall request limit.
    const admit = createLimiter(Math.max(4, 2 * plan.concurrency));
    const probeOne = (candidate) => {
        if (!isProxyEntry(candidate.entry)) {
            const reason = `${candidate.entry.kind}: not a proxy, nothing to probe`;
            return { report: verdictOnly(candidate, 'skipped', reason) };
        }
        if (modules.length === 0) {
            const reason = 'every probe module matches GONOPROXY: nothing to ask this proxy';
            return { report: verdictOnly(candidate, 'skipped', reason) };
        }
        const base = candidate.entry.url;
        return admit(() => probeWithCache(candidate, base, plan, modules, run));
    };
    const probed = await Promise.all(plan.candidates.map(async (candidate) => {
        const one = await probeOne(candidate);
        run.onProbed?.(one.report);
        return one;
    }));
    const fresh = probed.flatMap(p => (p.breaker ? [{ report: p.report, breaker: p.breaker }] : []));
    return { reports: probed.map(p => p.report), modules, skippedModules, fresh };
}
async function probeWithCache(candidate, base, plan, modules, run) {
    const { clock, log } = run;
    const recalled = (await run.recall?.(candidate, modules)) ?? {};
    if (recalled.report) {
        log.debug(`${candidate.display}: verdict from cache (${Math.round((recalled.report.cached?.ageMs ?? 0) / 1000)} s old)`);
        return { report: recalled.report };
    }
    const breaker = planBreaker(plan, clock, recalled.breaker);
    const retryAt = breaker.retryAt();
    if (breaker.state === 'open' && retryAt !== undefined && retryAt > clock.now()) {
        const reason = `circuit breaker open after repeated failures; next trial at ${new Date(retryAt).toISOString()}`;
        return { report: { ...verdictOnly(candidate, 'unhealthy', reason), breaker: 'open' } };
    }
    const report = await probeCandidate(candidate, base, {
        http: run.http,
        clock,
        limit: run.limit,
        breaker,
        modules,
        checks: plan.checks,
        timeoutMs: plan.timeoutMs,
        slowMs: plan.slowThresholdMs,
        retries: plan.retries,
        sumdbName: sumdbToAsk(plan),
        sumdbMirrored: plan.sumdbMirrors.length > 0
    });
    return { report, breaker: breaker.snapshot() };
}
/** The database name to ask proxies about, when content is verified and no URL bypasses them. */
function sumdbToAsk(plan) {
    const db = plan.gosumdb;
    return plan.checks !== 'quick' && db.kind === 'db' && !db.url ? db.name : undefined;
}

;// CONCATENATED MODULE: ./src/cache/verdicts.ts







function verdictCache(store, plan, { scope, clock, credentialsOf }) {
    const key = (candidate, modules) => {
        const credentials = credentialsOf ? credentialsOf(entryText(candidate.entry)) : 'none';
        return credentials === undefined
            ? undefined
            : verdictKey(plan, candidate, modules, scope, credentials);
    };
    return {
        recall: async (candidate, modules) => {
            const at = key(candidate, modules);
            return at === undefined ? {} : lookupVerdict(store, plan, candidate, at, clock.now());
        },
        keep: async (fresh, modules) => {
            const now = clock.now();
            await Promise.all(fresh.map(f => {
                const at = key(f.report.candidate, modules);
                return at && storeVerdict(store, at, f.report, f.breaker, now);
            }));
        }
    };
}
/**
 * Looks up a candidate's last verdict. Usable and tampered verdicts live for `cache-ttl`; a failed
 * one only until the breaker's cooldown ends (sooner if the TTL is shorter), so a recovered mirror
 * is tried again soon but a dead one is not hammered by every leg of a matrix.
 */
async function lookupVerdict(store, plan, candidate, key, now) {
    const entry = await store.read(key, isCachedVerdict);
    const ageMs = entry && ageOf(entry, now);
    if (!entry || ageMs === undefined)
        return {};
    const { report, breaker } = entry.payload;
    const failed = report.verdict === 'unhealthy';
    const lifetime = failed ? Math.min(plan.cache.ttlMs, plan.breaker.cooldownMs) : plan.cache.ttlMs;
    if (ageMs < lifetime) {
        return {
            report: { ...report, candidate, served: [], cached: { ageMs, storedAt: entry.storedAt } }
        };
    }
    return { breaker };
}
async function storeVerdict(store, key, report, breaker, now) {
    // Fresh probes only: re-storing a cached verdict would extend its life past the TTL.
    if (report.cached)
        return;
    const { candidate: _candidate, served: _served, cached: _cached, ...rest } = report;
    await store.write(key, { report: rest, breaker }, now);
}
/**
 * What a verdict depends on besides the candidate: the other candidates and how they are chained
 * (staleness and the build walk judge one against the others), the sumdb mirrors (one that
 * passes takes Go past a proxy's failing /sumdb/), the modules actually asked (GONOPROXY removes
 * some), the timeout and retries (slow, degraded), the private patterns, the go.sum lines it was
 * checked against, the toolchains fetched (a chain is chosen to serve them: they follow
 * GOTOOLCHAIN and the platform), and the trust, forward proxy and GODEBUG of the job.
 */
function verdictScope(plan, build) {
    // The lines' content only, not where the files are: every leg of a matrix shares the verdicts.
    // With what go.mod makes of them: which zips a build fetches, and the graph it loads.
    const zipMark = (fetched) => fetched === false ? '-' : fetched === 'when-selected' ? '?' : '';
    const lines = build.modules.map(m => [m.path, m.version, m.modHash ?? '', m.zipHash ?? '', zipMark(m.zipFetched)].join(' '));
    const graphs = (build.modGraphs ?? []).map(g => [
        g.main ?? null,
        g.unpruned,
        g.roots,
        [...g.replacements],
        [...g.excluded],
        g.workspace ?? null
    ]);
    const goSum = (0,external_node_crypto_.createHash)('sha256')
        .update(lines.sort().join('\n'))
        .update(JSON.stringify(build.modGraphs ? graphs : null))
        .digest('hex');
    const { timeoutMs, slowThresholdMs, retries, patterns, checks, network, strategy } = plan;
    // The whole list: a stale @latest, or a file the walk stops at, is judged against the others.
    const candidates = plan.candidates.map(c => [
        c.role,
        stripCredentials(entryText(c.entry)),
        c.entry.fallBackOnError
    ]);
    return JSON.stringify({
        candidates,
        sumdbMirrors: plan.sumdbMirrors.map(stripCredentials),
        strategy,
        network,
        timeoutMs,
        slowThresholdMs,
        retries,
        checks,
        gonoproxy: patterns.gonoproxy,
        gonosumdb: patterns.gonosumdb,
        goSum,
        toolchains: build.toolchains
            .flatMap(t => (t.module ? [`${t.module.path}@${t.module.version}`] : []))
            .sort()
    });
}
/**
 * The cache key of a candidate's verdict: its URL without credentials, which credentials its
 * requests carry, and what was checked.
 */
function verdictKey(plan, candidate, modules, scope, credentials) {
    return cacheKey({
        url: entryText(candidate.entry),
        checks: plan.checks,
        modules: modules.map(m => m.text),
        gosumdb: plan.gosumdb.raw,
        extra: scope,
        credentials
    });
}
// The whole shape, so that a damaged entry is a miss here rather than a crash later.
const isProbeRecord = object({
    endpoint: oneOfKeys({
        list: 1,
        latest: 1,
        info: 1,
        mod: 1,
        zip: 1,
        supported: 1,
        lookup: 1,
        tile: 1
    }),
    module: string,
    url: string,
    status: optional(count),
    latencyMs: optional(milliseconds),
    totalMs: milliseconds,
    attempts: count,
    gaveWay: optional(count),
    ok: schema_boolean,
    problem: optional(string),
    timedOut: optional(schema_boolean),
    tolerated: optional(schema_boolean),
    rateLimited: optional(object({ retryAfterMs: milliseconds })),
    breakerOpen: optional(schema_boolean),
    phases: optional(object({
        dnsMs: optional(milliseconds),
        connectMs: optional(milliseconds),
        tlsMs: optional(milliseconds),
        firstByteMs: optional(milliseconds),
        transferMs: optional(milliseconds)
    }))
});
const isFinding = object({
    stage: oneOf(STAGES),
    level: oneOf(LEVELS.filter((l) => l !== 'healthy')),
    reason: string
});
const isCachedReport = object({
    verdict: oneOf(LEVELS),
    reason: string,
    findings: arrayOf(isFinding),
    latencyMs: optional(milliseconds),
    checksPassed: count,
    checksTotal: count,
    retries: count,
    probes: arrayOf(isProbeRecord),
    latest: recordOf(string),
    breaker: optional(oneOf(['closed', 'open', 'half-open'])),
    sumdb: optional(oneOf(['supported', 'unsupported', 'failed'])),
    buildAnswers: optional(recordOf(object({
        kind: oneOf(['served', 'missing', 'failed', 'contradicts', 'unverified']),
        problem: optional(string),
        goMod: optional(object({ pruned: schema_boolean, requires: arrayOf(string) })),
        stopsGo: optional(schema_boolean),
        resolved: optional(string)
    })))
});
/** Exported for tests and for checks of a cache directory. */
const isCachedVerdict = object({
    report: isCachedReport,
    // restoreStart (breaker-state.ts) checks a snapshot in full and starts a closed breaker from
    // one that does not fit, so a damaged snapshot costs at most the breaker's memory.
    breaker: optional(checkedByItsReader())
});

;// CONCATENATED MODULE: ./src/select/gate.ts
/**
 * A proxy that passed heads the exported chain, and passed at the level `fail-on` asks: with
 * `degraded`, a degraded head does not count.
 */
function headPassed(selection, failOn) {
    return selection.healthy && degradedHead(selection, failOn) === undefined;
}
/** The head that fails the run under `fail-on: degraded` only: usable, but degraded. */
function degradedHead(selection, failOn) {
    const head = selection.chain[0];
    if (failOn !== 'degraded' || !selection.healthy || head?.verdict !== 'degraded')
        return undefined;
    return head;
}
/**
 * Each candidate's verdict by its display (redacted URL, or direct/off), for the `verdicts`
 * output. A URL listed twice (in proxies and in mirrors) is one server: its first entry speaks.
 */
function verdictsByCandidate(reports) {
    const verdicts = {};
    for (const { candidate, verdict } of reports) {
        if (!Object.hasOwn(verdicts, candidate.display))
            verdicts[candidate.display] = verdict;
    }
    return verdicts;
}
/** Why a run whose head is degraded fails under `fail-on: degraded`. */
function degradedHeadSentence(head) {
    return `${head.candidate.display} heads the exported GOPROXY and is degraded (${head.reason}); fail-on is \`degraded\`, so the run fails.`;
}

;// CONCATENATED MODULE: ./src/select/exported.ts

function exportedOf(selection, reports, failOn, run) {
    const { goproxy, chain } = selection;
    const probed = reports.filter(r => r.verdict !== 'skipped' || r.cached);
    return {
        goproxy,
        shown: goproxy === undefined ? undefined : displayChain(chain) || goproxy,
        selected: chain[0]?.candidate.display ?? (goproxy === 'direct' ? 'direct' : undefined),
        healthy: headPassed(selection, failOn),
        fallbackUsed: selection.fallbackUsed || run.sumdbMirrorUsed,
        cacheHit: !run.requested && probed.length > 0 && probed.every(r => r.cached)
    };
}
/** A chain as GOPROXY spells it, each entry by its display (redacted URL, or direct/off). */
function displayChain(chain) {
    return chain
        .map((r, i) => r.candidate.display +
        (i < chain.length - 1 ? (r.candidate.entry.fallBackOnError ? '|' : ',') : ''))
        .join('');
}

;// CONCATENATED MODULE: ./src/walk/ask-query.ts



/** A failed request's answer: missing (404/410), else failed, and whether Go stops there. */
function notServed(outcome, file) {
    const problem = probeReason(outcome.record);
    if (outcome.notFound)
        return { kind: 'missing', problem };
    // Go moves on across `|` only from an error of the fetch itself (a status, a broken
    // connection). It waits without a deadline on a proxy that does not answer, and checks a zip
    // only once fetched (modfetch downloadZip), so either stops the go command there.
    const stopsGo = outcome.record.timedOut === true || (outcome.badContent && file === 'zip');
    return { kind: 'failed', problem, ...(stopsGo && { stopsGo }) };
}
/**
 * A query asked of one proxy: served, with the version it resolves to, when the proxy's list (or
 * @latest) gives one whose .info it serves, or it serves the revision's .info.
 */
async function askQuery(base, module, requester) {
    const { path, version: query } = module;
    const match = queryMatch(query);
    // Refused queries fail the build's reading first (build/read.ts): no proxy is blamed for one.
    if (match.kind === 'refused')
        throw new Error(`refused query ${query} is asked`);
    if (match.kind === 'revision')
        return askRevision(base, path, query, requester);
    const list = await requester.run(listRequest(base, { path, version: query, text: query }));
    if (!list.ok)
        return notServed(list, 'query');
    const picked = pickFromList(list.value.versions, match);
    if (picked !== undefined)
        return resolvedBy(requester, infoRequest(base, path, picked));
    if (match.latest && list.value.versions.length === 0) {
        return askLatest(base, path, list.value.newestByTime, requester);
    }
    return noMatch(query);
}
/** Not a not-found: Go stops at it even before a `,` (queryProxy's NoMatchingVersionError). */
function noMatch(query) {
    return { kind: 'failed', problem: `no matching versions for query "${query}"` };
}
/**
 * `latest` of a module that lists no release: the proxy's @latest, else (when it has none) the
 * newest pseudo-version its list names (proxyRepo.Latest), else no match.
 */
async function askLatest(base, path, newestListed, requester) {
    const latest = await resolvedBy(requester, latestRequest(base, path));
    if (latest.kind !== 'missing')
        return latest;
    if (newestListed)
        return resolvedBy(requester, infoRequest(base, path, newestListed));
    return noMatch('latest');
}
/** A revision: its .info as written, then (for `v1.2.3+meta`) under its canonical form. */
async function askRevision(base, path, query, requester) {
    let answer = noMatch(query);
    for (const revision of revisionsOf(query)) {
        // A revision no version may spell (`feature/x`) fails the build's reading first.
        answer = await resolvedBy(requester, infoRequest(base, path, revision, false));
        if (answer.kind === 'served')
            return answer;
    }
    return answer;
}
async function resolvedBy(requester, request) {
    const info = await requester.run(request);
    return info.ok ? { kind: 'served', resolved: info.value.Version } : notServed(info, 'query');
}

;// CONCATENATED MODULE: ./src/walk/file-request.ts








/**
 * The build's zips, a toolchain's (a whole Go release) included, get the go command's own limits
 * (x/mod/zip MaxZipFile: 500 MiB for the zip and for its content): a smaller cap would fail real
 * modules Go downloads (google.golang.org/api unpacks to some 400 MB).
 */
const BUILD_ZIP_CAP = MAX_ZIP_FILE;
/** Every zip starts with a local file header: enough to know the proxy is sending one. */
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
/**
 * The request for one file: a .mod is read whole, hashed and summarized; a .zip at `checks: full`
 * is downloaded whole (out of memory, to a file `spoolTo` gives, when given) and hashed, else only
 * its first bytes are read, to see it is being served (a build downloads it whole later).
 */
function fileRequest(base, module, file, checks, signal, spoolTo) {
    const request = {
        endpoint: file,
        module: `${module.path}@${module.version}`,
        url: versionFileUrl(base, module.path, module.version, file)
    };
    if (file === 'info') {
        const accept = (res) => {
            parseInfo(res.body, res.contentType, module.version);
            return {};
        };
        return { ...request, maxBytes: TEXT_CAP, accept };
    }
    if (file === 'mod') {
        const accept = (res) => ({
            hash: hashGoMod(res.body),
            goMod: summarizeGoMod(res.body.toString('utf8'))
        });
        return { ...request, maxBytes: TEXT_CAP, accept };
    }
    if (checks === 'full') {
        const { path, version } = module;
        return {
            ...request,
            maxBytes: BUILD_ZIP_CAP,
            spoolTo,
            accept: async (res) => {
                const zip = res.bodyFile ? { file: res.bodyFile } : res.body;
                return { hash: await readZipHash(zip, path, version, signal, GO_ZIP_LIMITS) };
            }
        };
    }
    return {
        ...request,
        maxBytes: BUILD_ZIP_CAP,
        firstBytes: ZIP_MAGIC.length,
        accept: res => {
            if (!res.body.equals(ZIP_MAGIC))
                throw new ContentError('answer is not a zip file');
            return {};
        }
    };
}

;// CONCATENATED MODULE: ./src/walk/ask.ts








/**
 * The questions of one run, each asked once: a candidate's answers are remembered (and may come
 * from its cached report), so walking the chain again after a candidate is dropped only asks
 * what the new walk needs. A file no go.sum line hashes is checked against the checksum
 * database's record (`lookUpRecord`), as the go command checks it.
 */
function createAsker(plan, run, { known, lookUpRecord, spool }) {
    const requesters = new Map();
    const answers = new Map();
    const settled = new Map();
    const requesterFor = (candidate) => {
        let requester = requesters.get(candidate.id);
        if (!requester) {
            requester = new CandidateRequester({
                http: run.http,
                clock: run.clock,
                limit: run.limit,
                breaker: planBreaker(plan, run.clock),
                timeoutMs: plan.timeoutMs,
                retries: plan.retries
            });
            requesters.set(candidate.id, requester);
        }
        return requester;
    };
    const ask = (candidate, module, file) => {
        const { entry } = candidate;
        if (entry.kind !== 'proxy' && entry.kind !== 'file')
            throw new Error(`${entry.kind} is asked`);
        const key = answerKey(module, file);
        const own = answers.get(candidate.id) ?? new Map();
        answers.set(candidate.id, own);
        let answer = own.get(key);
        if (!answer) {
            const remembered = known(candidate)?.[key];
            answer = remembered
                ? Promise.resolve(remembered)
                : askFile(entry.url, module, file, plan.checks, {
                    requester: requesterFor({ ...candidate, entry }),
                    spool
                }).then(asked => checkUnlisted(module, file, asked, lookUpRecord));
            answer = answer.then(a => {
                // Filled in place: copying the record for every answer grew quadratically with the build.
                const record = settled.get(candidate.id) ?? {};
                record[key] = a;
                settled.set(candidate.id, record);
                return a;
            });
            own.set(key, answer);
        }
        return answer;
    };
    return { ask, answersOf: candidate => ({ ...settled.get(candidate.id) }) };
}
async function askFile(base, module, file, checks, { requester, spool }) {
    if (file === 'query')
        return askQuery(base, module, requester);
    const expected = file === 'mod' ? module.modHash : module.zipHash;
    // Spool files are made only for a 200 from the network (one an attempt); a file:// proxy's zip
    // is read where it lies.
    const spooled = [];
    const spoolTo = file === 'zip' && checks === 'full'
        ? async () => {
            const path = await spool.file();
            spooled.push(path);
            return path;
        }
        : undefined;
    const request = fileRequest(base, module, file, checks, requester.signal, spoolTo);
    const outcome = await requester
        .run(request)
        .finally(() => Promise.all(spooled.map(f => (0,promises_.rm)(f, { force: true }).catch(() => undefined))));
    if (!outcome.ok)
        return notServed(outcome, file);
    const { hash, goMod } = outcome.value;
    const served = goMod ? { kind: 'served', goMod } : { kind: 'served' };
    // An .info has no go.sum line and no record: serving it is all Go asks of it.
    if (file === 'info')
        return served;
    if (expected === undefined)
        return { ...served, unlisted: file, hash };
    if (hash === undefined || hash === expected)
        return served;
    // A toolchain has no go.sum line: its hashes are the checksum database's.
    const source = module.path === TOOLCHAIN_MODULE ? 'the checksum database' : 'go.sum';
    return { kind: 'contradicts', problem: mismatch(module, file, hash, expected, source) };
}
/**
 * A served file with no go.sum line, checked as the go command checks it: against the checksum
 * database's record, at every level of `checks` (its content only when it was read whole).
 * Content that differs contradicts it; no record, no answer, or a record with no line for the
 * file leaves it unverified, and Go fails the download (modfetch checkSumDB) whichever entry
 * served it. Without a database to ask (GOSUMDB=off, GONOSUMDB) serving it is enough.
 */
async function checkUnlisted(module, file, asked, lookUpRecord) {
    const { unlisted, hash, ...served } = asked;
    if (!unlisted)
        return served;
    const said = await lookUpRecord(module);
    if (!said)
        return served;
    if ('problem' in said)
        return { kind: 'unverified', problem: said.problem };
    const expected = file === 'mod' ? said.record.modHash : said.record.zipHash;
    if (expected === undefined)
        return { kind: 'unverified', problem: checksumMissing(module, unlisted) };
    if (hash === undefined || expected === hash)
        return served;
    const problem = mismatch(module, file, hash, expected, 'the checksum database');
    return { kind: 'contradicts', problem };
}
function mismatch(module, file, hash, expected, source) {
    return `${module.path}@${module.version} ${fileName(file)} hashes to ${hash} but ${source} says ${expected}`;
}
function fileName(file) {
    return file === 'mod' ? 'go.mod' : 'zip';
}

;// CONCATENATED MODULE: ./src/walk/spool.ts



/**
 * The run's folder for build zips on their way to being hashed (`checks: full`): on disk, a zip of
 * Go's 500 MiB limit costs no memory, however many are downloaded at once. Made when first needed
 * (under `root`, the system's temporary folder), removed with everything in it at the run's end.
 */
class ZipSpool {
    root;
    dir;
    count = 0;
    constructor(root) {
        this.root = root;
    }
    /** A new file name in the folder; the caller removes the file once it is read. */
    async file() {
        this.dir ??= (0,promises_.mkdtemp)((0,external_node_path_namespaceObject.join)(this.root, 'validate-goproxy-zips-')).catch((err) => {
            const reason = err.code ?? String(err);
            throw new types/* LocalError */.il(`cannot make a folder for the build's zips under ${this.root}: ${reason}`);
        });
        return (0,external_node_path_namespaceObject.join)(await this.dir, `${++this.count}.zip`);
    }
    /** Best effort: a file still open elsewhere (Windows) must not fail a finished run. */
    async remove() {
        const dir = await this.dir?.catch(() => undefined);
        if (dir)
            await (0,promises_.rm)(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/validate.ts






















/**
 * One run: find and read the build (go.sum, go.mod), probe every candidate, prove their content
 * against the checksum database, choose the GOPROXY chain that serves the whole build and the
 * GOSUMDB route Go will take with it, then remember the verdicts.
 */
async function validate(plan, effects) {
    const spool = new ZipSpool(effects.tempDir || (0,external_node_os_namespaceObject.tmpdir)());
    try {
        return await validateWith(plan, effects, spool);
    }
    finally {
        await spool.remove();
    }
}
async function validateWith(plan, effects, spool) {
    const startedAt = effects.clock.now();
    const build = await readTheBuild(plan);
    const verdicts = effects.store &&
        verdictCache(effects.store, plan, {
            scope: verdictScope(plan, build),
            clock: effects.clock,
            credentialsOf: effects.credentialsOf
        });
    const recalledSumdb = recallSumdbOnce(plan, effects);
    const http = countedRequests(withFileUrls(effects.http));
    const run = {
        ...effects,
        http: http.get,
        limit: createLimiter(plan.concurrency),
        recall: verdicts && (await verdictRecall(verdicts, plan, recalledSumdb))
    };
    const toolchains = build.toolchains.flatMap(t => (t.module ? [t.module] : []));
    const { probed, sessions } = await probeAndLookUp(plan, run, toolchains);
    const { reports } = probed;
    // Started now, judged below: the build's files with no go.sum line wait for its route.
    const checked = checkIntegrity(plan, reports, run, toolchains, sessions);
    const recalledGosumdb = async () => (await recalledSumdb())?.gosumdb;
    const chain = () => selectChain(reports, plan.strategy, plan.onFailure).chain;
    const lookUpRecord = recordLookup(plan, checked, { sessions, reports, chain, recalledGosumdb });
    const known = (c) => cachedAnswers(reports, c.id);
    const asker = createAsker(plan, run, { known, lookUpRecord, spool });
    const answered = () => reports.map(r => ({
        candidate: r.candidate,
        answers: { ...r.buildAnswers, ...asker.answersOf(r.candidate) }
    }));
    const { store, clock, credentialsOf } = effects;
    const memory = store && { store, clock, credentialsOf };
    const choice = { plan, reports, build, ask: asker.ask, answered, recalledSumdb, memory };
    // The build is asked of the chain the probes point to while the database is consulted; those
    // answers are only remembered here, and judged once every candidate's verdict is settled.
    const [integrity] = await Promise.all([checked, walkBuild(plan, build, chain(), asker.ask)]);
    reports.forEach(settleVerdict);
    const fresh = reports.filter(r => !r.cached);
    staleFindings(fresh, compare);
    fresh.forEach(settleVerdict);
    const chosen = await chooseChain(choice, integrity);
    for (const report of fresh)
        report.buildAnswers = ownAnswers(asker.answersOf(report.candidate));
    // Verdicts are kept once, now that every stage has had its say.
    await verdicts?.keep(probed.fresh, probed.modules);
    const { selection, sumdb } = chosen;
    return {
        plan,
        reports,
        skippedModules: probed.skippedModules,
        ...chosen,
        exported: exportedOf(selection, reports, plan.failOn, {
            sumdbMirrorUsed: sumdb.mirrorUsed,
            requested: http.requested()
        }),
        integrity,
        startedAt,
        durationMs: effects.clock.now() - startedAt
    };
}
/** Requests counted, so that a warm run that still asks anything is no cache hit. */
function countedRequests(http) {
    let requests = 0;
    return {
        get: request => {
            requests++;
            return http(request);
        },
        requested: () => requests > 0
    };
}
/**
 * Probes every candidate. The database lookups for what each served start as its probes end (see
 * lookupsAhead); their answers wait in `sessions` for checkIntegrity.
 */
async function probeAndLookUp(plan, run, toolchains) {
    const sessions = plan.gosumdb.kind === 'db' ? new RouteSessions(plan, plan.gosumdb, run) : undefined;
    const lookUpServed = lookupsAhead(plan, sessions, toolchains);
    const onProbed = (report) => {
        lookUpServed(report);
        run.onProbed?.(report);
    };
    return { probed: await probeAll(plan, { ...run, onProbed }), sessions };
}
/** The go.sum and go.mod files of the working directory (or those `go-sum` lists), read whole. */
async function readTheBuild(plan) {
    const { goSum, workingDirectory, gowork, goflags, platform, toolchain } = plan.build;
    const env = { GOWORK: gowork, GOFLAGS: goflags };
    const found = await discoverGoSums({ goSum, workingDirectory, env });
    const build = await readBuild(found, platform);
    return { ...build, toolchains: toolchainsToFetch(build, toolchain, platform), found };
}
/**
 * What a candidate's cached report keeps: its own answers, not the database's (`unverified`), nor
 * what a go.mod query resolved to, which moves as versions are published.
 */
function ownAnswers(answers) {
    return Object.fromEntries(Object.entries(answers).filter(([key, a]) => a.kind !== 'unverified' && !key.endsWith(' query')));
}
function cachedAnswers(reports, id) {
    return reports.find(r => r.candidate.id === id && r.cached)?.buildAnswers;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts
// The command line: one flag per action input, spelled the same, plus what only a CLI needs.


/** Inputs only the action has: the CLI prints its result instead of exporting it or writing a job summary. */
const ACTION_ONLY_INPUTS = [constants/* Inputs */.G0.ExportEnv, constants/* Inputs */.G0.Summary];
/** Every input the CLI takes as `--<input>`, in the action's order. */
const INPUT_FLAGS = Object.values(constants/* Inputs */.G0).filter((input) => !ACTION_ONLY_INPUTS.includes(input));
const FORMATS = ['table', 'json', 'env', 'shell'];
/** Bad usage: an unknown flag, a missing or repeated value, a bad --format. */
class UsageError extends Error {
    name = 'UsageError';
}
function parseCliArgs(argv) {
    const options = {
        ...Object.fromEntries(INPUT_FLAGS.map(input => [input, { type: 'string', multiple: true }])),
        format: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' }
    };
    let values;
    try {
        values = (0,external_node_util_namespaceObject.parseArgs)({ args: [...argv], options, strict: true, allowPositionals: false }).values;
    }
    catch (err) {
        throw new UsageError(err.message.split('\n')[0]);
    }
    const raw = {};
    for (const input of INPUT_FLAGS) {
        const value = single(input, values[input]);
        if (value !== undefined)
            raw[input] = value;
    }
    return {
        raw,
        format: parseFormat(single('format', values.format) ?? 'table'),
        help: values.help === true,
        version: values.version === true
    };
}
/** A flag given twice is refused: silently keeping one would probe something the user did not ask for. */
function single(flag, value) {
    if (!Array.isArray(value))
        return undefined;
    if (value.length > 1) {
        throw new UsageError(`--${flag} is given ${value.length} times; give it once (a list goes in one value, e.g. --proxies 'a,b')`);
    }
    return value[0];
}
function parseFormat(text) {
    const format = FORMATS.find(f => f === text.trim());
    if (format)
        return format;
    const choices = FORMATS.join(', ');
    throw new UsageError(`Invalid flag '--format': ${JSON.stringify(text)} must be one of: ${choices}`);
}

;// CONCATENATED MODULE: ./src/cli/cache-dir.ts


/**
 * Where the CLI keeps cached verdicts by default: the user's cache directory, as the XDG spec
 * places it (a relative XDG_CACHE_HOME is ignored, as the spec says), or %LOCALAPPDATA% on Windows.
 */
function defaultCacheDir(env, platform, home = external_node_os_namespaceObject.homedir()) {
    if (platform === 'win32') {
        return external_node_path_namespaceObject.win32.join(env.LOCALAPPDATA || external_node_path_namespaceObject.win32.join(home, 'AppData', 'Local'), 'validate-goproxy');
    }
    const xdg = env.XDG_CACHE_HOME;
    if (xdg && external_node_path_namespaceObject.posix.isAbsolute(xdg))
        return external_node_path_namespaceObject.posix.join(xdg, 'validate-goproxy');
    return external_node_path_namespaceObject.posix.join(env.HOME || home, '.cache', 'validate-goproxy');
}

;// CONCATENATED MODULE: ./src/report/build.ts








/** How many modules a list names before it says "and N more". */
const LISTED = 20;
/** `path@version (file:line)`: where a module version of the build comes from. */
function moduleLabel(result) {
    const { path, version, zipAt, modAt } = result.module;
    const at = zipAt ?? modAt;
    return `${path}@${version}${at ? ` (${at.file}:${at.line})` : ''}`;
}
/**
 * A usable candidate's reason, with what it lacks or fails of the build: its verdict rests on its
 * probes, and a candidate that lacks modules a later entry serves stays usable, as Go moves on.
 */
function reasonWithBuild(result, report) {
    if (!isUsable(report.verdict))
        return report.reason;
    const tally = result.build.tallies.find(t => t.candidate.id === report.candidate.id);
    const gaps = [
        tally?.lacks ? `lacks ${tally.lacks}` : '',
        tally?.fails ? `fails ${tally.fails}` : ''
    ].filter(Boolean);
    if (gaps.length === 0)
        return report.reason;
    return `${report.reason}; it ${gaps.join(' and ')} of the build's module versions`;
}
/** What each candidate answered for a module version that resolves through none. */
function unresolvedLine(result) {
    const answers = result.files.flatMap(f => f.asked.map(({ candidate, answer }) => `${candidate.display} .${f.file}: ${answer.kind === 'served' ? 'served' : (answer.problem ?? answer.kind)}`));
    const said = answers.length > 0 ? answers.join('; ') : 'no candidate was asked';
    return `${moduleLabel(result)}: ${said}`;
}
/** The go.sum lines whose files the build never fetches, and so were not asked; '' when none. */
function notFetchedSentence(modules) {
    const files = modules.flatMap(m => m.files.filter(f => f.outcome === 'not-fetched'));
    if (files.length === 0)
        return '';
    const zips = files.filter(f => f.file === 'zip').length;
    const mods = files.length - zips;
    const lines = files.length === 1 ? '1 go.sum line names a file' : `${files.length} go.sum lines name files`;
    // Below a go.mod no candidate serves, the walk stopped, as the go command does.
    const stopped = modules.some(m => m.files.some(f => f.file === 'mod' && f.outcome === 'unresolved'));
    if (stopped) {
        return ` ${lines} that were not asked: files no build fetches, or that only a go.mod no candidate serves would lead to (the go command stops at it too).`;
    }
    return ` ${lines} that \`go mod download\` and builds never fetch (${zips} zip${zips === 1 ? '' : 's'} of modules no require line names or of versions the build list passes over, ${mods} go.mod${mods === 1 ? '' : 's'} outside the module graph Go loads), so they were not asked.`;
}
/** The go.mod without go.sum, when it requires modules (else no build reads a go.sum line). */
function missingGoSumOf(build) {
    return build.modules.length > 0 ? withoutGoSum(build.found) : undefined;
}
/** What a module with no go.sum comes to; '' when its go.sum is there. */
function missingGoSumSentence({ build }) {
    const missing = missingGoSumOf(build);
    if (missing === undefined)
        return '';
    return `${missing.goMod} has no ${(0,external_node_path_namespaceObject.basename)(missing.goSum)} beside it: a build that may not change go.sum (\`go build\`, \`go test\` by default) stops at "missing go.sum entry"; \`go mod download\` follows the module graph from go.mod alone and writes one, as walked here.`;
}
/** What the main module's own files say that the go command stops at, each led by a space. */
function moduleFileSentences(result) {
    return [queriedSentence(result), missingGoSumSentence(result)]
        .map(s => (s ? ` ${s}` : ''))
        .join('');
}
/** What a main module's go.mod spelling a version as a query comes to; '' when none does. */
function queriedSentence({ build }) {
    const [first, ...more] = build.queried;
    if (first === undefined)
        return '';
    const others = more.length > 0 ? ` and ${more.length} more` : '';
    return `${first.file}:${first.line} spells ${first.path} ${first.version}${others} as no canonical version, which the go command reads as a query: a build that may not change go.mod (\`go build\`, \`go test\` by default) stops ("updates to go.mod needed"), and \`go mod download\` resolves it (\`v1.2\` to the newest v1.2.x) and rewrites go.mod. In a workspace Go resolves it and builds. The walk resolves it as Go does (the @v/list, then the .info of the version picked) and walks the build as Go reads it once it has rewritten the line; \`go mod tidy\` writes the canonical version.`;
}
/** The modules the graph led to that no go.sum line names; '' when none. */
function unlistedSentence({ build, integrity, plan }) {
    const unlisted = build.modules.filter(m => !m.module.modAt && !m.module.zipAt).length;
    if (unlisted === 0)
        return '';
    const which = unlisted === 1 ? '1 of them is' : `${unlisted} of them are`;
    const checked = looksUpUnlisted(plan, integrity)
        ? `here, as there, each was checked against the checksum database's record (its go.mod${plan.checks === 'full' ? ' and zip' : '; its zip only with `checks: full`'}), unless GONOSUMDB names it`
        : `here they were seen to be served, not checked against the checksum database (${integrity.reason})`;
    return ` ${which} named by no go.sum line: \`go mod download\` fetches them all the same (checking them against the checksum database unless GOSUMDB is off); ${checked}.`;
}
function buildFacts(result) {
    const { build } = result;
    const vendored = vendoredSentence(build.found.vendored);
    const nothing = build.modules.length === 0 && build.toolchains.length === 0;
    if (nothing && !vendored && build.queried.length === 0)
        return undefined;
    const files = build.found.goSumFiles.length;
    // A vendored build alone walks nothing: only its sentence says what was done.
    const walked = (text) => files === 0 && vendored ? vendored : `${text} ${vendored}`.trim();
    const toolchains = build.toolchains.map(t => toolchainWarning(t) ??
        `Toolchain ${t.need.name}: ${t.module.path}@${t.module.version} resolves through the chain${t.proved ? ', its zip proved against the checksum database' : ''}.`);
    if (buildOffline(result))
        return { intro: walked(`${buildOfflineLine(result)}.`), later: [], unresolved: [], toolchains };
    return {
        intro: walked(`${walkedModules(build).length} module versions of ${files} go.sum file${files === 1 ? '' : 's'} walked along the exported chain, as the go command fetches them${result.plan.checks === 'quick' ? ' (with `checks: quick`, their .mod and .info but no zip)' : ''}.${unlistedSentence(result)}${notFetchedSentence(build.modules)}${moduleFileSentences(result)}`),
        later: listed(build.modules.filter(m => m.laterEntry), m => `${moduleLabel(m)} via ${m.servedBy?.display ?? '?'}`),
        unresolved: noCandidateLeft(result)
            ? [`${noCandidateLeftLine(result)}.`]
            : listed(build.unresolved, unresolvedLine),
        toolchains
    };
}
/** The build's part of the summary: per candidate counts, then the modules worth a look. */
function buildMarkdown(result) {
    const facts = buildFacts(result);
    if (!facts)
        return [];
    const lines = ['### The build', '', facts.intro, ''];
    const { tallies } = result.build;
    if (tallies.length > 0) {
        lines.push('| candidate | serves | lacks | contradicts | fails |', '| --- | --- | --- | --- | --- |');
        for (const t of tallies)
            lines.push(`| ${t.candidate.id} ${t.candidate.display} | ${t.serves} | ${t.lacks} | ${t.contradicts} | ${t.fails} |`);
        lines.push('');
    }
    const section = (title, items) => items.length > 0 ? [title, '', ...items.map(i => `- ${i}`), ''] : [];
    return [
        ...lines,
        ...section('Resolve only through a later entry:', facts.later),
        ...section('**Resolve through no usable candidate:**', facts.unresolved),
        ...facts.toolchains.flatMap(t => [t, ''])
    ];
}
/** The build for the CLI's table: the same facts as plain lines. */
function buildText(result) {
    const facts = buildFacts(result);
    if (!facts)
        return [];
    const tallies = result.build.tallies.map(t => `  ${t.candidate.display}: serves ${t.serves}, lacks ${t.lacks}, contradicts ${t.contradicts}, fails ${t.fails}`);
    const section = (title, items) => items.length > 0 ? [title, ...items.map(i => `  ${i}`)] : [];
    return [
        `Build: ${facts.intro}`,
        ...tallies,
        ...section('Resolve only through a later entry:', facts.later),
        ...section('Resolve through no usable candidate:', facts.unresolved),
        ...facts.toolchains
    ];
}
function listed(modules, line) {
    const shown = modules.slice(0, LISTED).map(line);
    const more = modules.length - LISTED;
    return more > 0 ? [...shown, `… and ${more} more`] : shown;
}
/** The build in the JSON report: every module version with its outcome and where it comes from. */
function buildJson(result) {
    const { build } = result;
    return {
        goSumFiles: build.found.goSumFiles,
        missingGoSum: missingGoSumOf(build)?.goSum ?? null,
        queried: build.queried,
        vendored: (build.found.vendored ?? []).map(v => ({
            vendor: v.dir,
            reason: v.reason,
            missing: v.missing,
            goSumFiles: v.goSumFiles
        })),
        workspace: build.found.workspace ?? null,
        modules: build.modules.length,
        unresolved: build.unresolved.length,
        candidates: build.tallies.map(t => ({
            id: t.candidate.id,
            url: t.candidate.display,
            serves: t.serves,
            lacks: t.lacks,
            contradicts: t.contradicts,
            fails: t.fails
        })),
        contradicted: build.contradicted.map(c => ({
            module: `${c.module.path}@${c.module.version}`,
            file: c.file,
            url: c.candidate.display,
            problem: c.problem
        })),
        toolchains: build.toolchains.map(t => ({
            name: t.need.name,
            file: t.need.file,
            module: `${t.module.path}@${t.module.version}`,
            outcome: t.outcome,
            proved: t.proved,
            servedBy: t.files.find(f => f.file === 'zip')?.servedBy?.display ?? null,
            warning: toolchainWarning(t) ?? null
        })),
        versions: build.modules.map(m => ({
            module: `${m.module.path}@${m.module.version}`,
            outcome: m.outcome,
            servedBy: m.servedBy?.display ?? null,
            file: (m.module.zipAt ?? m.module.modAt)?.file ?? null,
            line: (m.module.zipAt ?? m.module.modAt)?.line ?? null,
            files: m.files.map(f => ({
                file: f.file,
                outcome: f.outcome,
                servedBy: f.servedBy?.display ?? null,
                asked: f.asked.map(a => ({
                    url: a.candidate.display,
                    answer: a.answer.kind,
                    problem: a.answer.problem ?? null,
                    outsideChain: a.outsideChain ?? false
                }))
            }))
        }))
    };
}

;// CONCATENATED MODULE: ./src/report/json.ts



/** Bumped on any change a consumer of the report would notice; see report.schema.json. */
const REPORT_SCHEMA = 'validate-goproxy/report@1';
/** The JSON report: every URL redacted, nothing that could carry a credential. */
function jsonReport(result, context) {
    const { selection, exported } = result;
    return {
        schema: REPORT_SCHEMA,
        version: constants/* VERSION */.xv,
        timestamp: new Date(result.startedAt).toISOString(),
        durationMs: result.durationMs,
        context,
        outcome: selection.outcome,
        healthy: exported.healthy,
        fallbackUsed: exported.fallbackUsed,
        selected: exported.selected ?? null,
        exported: {
            GOPROXY: exported.shown ?? null,
            GOSUMDB: (0,mask/* maskCredentials */.Bs)(result.sumdb.gosumdb),
            GOPRIVATE: result.plan.patterns.goprivate,
            GONOPROXY: result.plan.patterns.gonoproxy,
            GONOSUMDB: result.plan.patterns.gonosumdb
        },
        checks: result.plan.checks,
        modules: result.plan.modules.map(m => m.text),
        skippedModules: result.skippedModules,
        build: buildJson(result),
        sumdb: sumdbJson(result),
        candidates: result.reports.map(candidateJson)
    };
}
function probeJson(p) {
    return {
        endpoint: p.endpoint,
        module: p.module,
        url: p.url,
        status: p.status ?? null,
        latencyMs: p.latencyMs ?? null,
        totalMs: p.totalMs,
        attempts: p.attempts,
        ok: p.ok,
        problem: p.problem ?? null,
        phases: p.phases ?? null
    };
}
function sumdbJson(result) {
    return {
        status: result.integrity.status,
        ok: result.sumdb.ok,
        reason: result.sumdb.reason,
        route: result.sumdb.route ?? null,
        mirrorUsed: result.sumdb.mirrorUsed,
        verified: result.integrity.records.map(r => `${r.path}@${r.version}`),
        routes: result.sumdb.routes.map(({ route, verdict }) => ({
            kind: route.kind,
            url: route.label,
            ok: verdict.ok,
            problem: verdict.problem ?? null,
            treeSize: verdict.tree?.size ?? null,
            probes: verdict.probes.map(probeJson)
        }))
    };
}
function candidateJson(r) {
    return {
        id: r.candidate.id,
        role: r.candidate.role,
        url: r.candidate.display,
        verdict: r.verdict,
        reason: r.reason,
        findings: r.findings,
        latencyMs: r.latencyMs ?? null,
        checksPassed: r.checksPassed,
        checksTotal: r.checksTotal,
        retries: r.retries,
        cached: r.cached
            ? { ageMs: r.cached.ageMs, storedAt: new Date(r.cached.storedAt).toISOString() }
            : null,
        breaker: r.breaker ?? null,
        latest: r.latest,
        sumdb: r.sumdb ?? null,
        probes: r.probes.map(probeJson)
    };
}

;// CONCATENATED MODULE: ./src/cli/format.ts
// What the CLI prints on stdout, one function per --format, and its one-line verdicts for stderr.





/**
 * The result in `format`; `mask` hides known secrets (a server may quote credentials back) in
 * the table and the JSON, never in `env` and `shell`, which print what the shell must export.
 */
function formatResult(result, format, platform, mask = text => text) {
    switch (format) {
        case 'table':
            return mask(formatTable(result));
        case 'json':
            return formatJson(result, platform, mask);
        case 'env':
            return formatEnv(result);
        case 'shell':
            return formatShell(result);
    }
}
/** One aligned row a candidate (URLs redacted), then what was exported and why. */
function formatTable(result) {
    const rows = [
        ['CANDIDATE', 'URL', 'VERDICT', 'LATENCY', 'CHECKS', 'REASON'],
        ...result.reports.map(r => [
            r.candidate.id,
            r.candidate.display,
            verdictText(r),
            formatMs(r.latencyMs),
            r.checksTotal ? `${r.checksPassed}/${r.checksTotal}` : '—',
            oneLine(reasonWithBuild(result, r))
        ])
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)));
    const lines = rows.map(row => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  '));
    const profile = result.plan.profile ? [`Profile: ${result.plan.profile}`, ''] : [];
    const skipped = result.skippedModules.map(s => `Skipped probe module ${s.module}: ${s.reason}.`);
    const outcome = [
        outcomeSentence(result),
        ...fallbackLines(result),
        ...skipped,
        sumdbSentence(result),
        ...buildText(result)
    ];
    return [...profile, ...lines, '', ...outcome, ''].join('\n');
}
/** The action's JSON report, with the CLI's context, its strings masked by `mask`. */
function formatJson(result, platform, mask = text => text) {
    return JSON.stringify(maskValues(cliReport(result, platform), mask), null, 2) + '\n';
}
function cliReport(result, platform) {
    return jsonReport(result, { runnerOs: platform, profile: result.plan.profile });
}
/**
 * The environment to hand the go command, with the real values (credentials included). Nothing
 * when the run failed; without GOPROXY when on-failure is `keep`.
 */
function goEnvironment(result) {
    if (result.selection.outcome === 'failed')
        return [];
    const { goprivate, gonoproxy, gonosumdb } = result.plan.patterns;
    const variables = [
        [constants/* GoEnv */.OB.Goproxy, result.exported.goproxy],
        [constants/* GoEnv */.OB.Gosumdb, result.sumdb.gosumdb],
        [constants/* GoEnv */.OB.Goprivate, goprivate],
        [constants/* GoEnv */.OB.Gonoproxy, gonoproxy],
        [constants/* GoEnv */.OB.Gonosumdb, gonosumdb]
    ];
    return variables.filter((v) => Boolean(v[1]));
}
/** NAME=value lines, unquoted, as $GITHUB_ENV, .env and GitLab dotenv files take them. */
function formatEnv(result) {
    return goEnvironment(result)
        .map(([name, value]) => `${name}=${oneLineValue(name, value)}\n`)
        .join('');
}
/**
 * `export NAME='value'` lines that sh, bash and zsh read back exactly, by `eval` or `.`: inside
 * single quotes nothing is special, and a quote itself is written '\'' (close, escaped, reopen).
 */
function formatShell(result) {
    return goEnvironment(result)
        .map(([name, value]) => `export ${name}=${shellQuote(name, value)}\n`)
        .join('');
}
/** A NUL cannot be in a shell word (nor in an environment variable): refused, not cut short. */
function shellQuote(name, value) {
    if (value.includes('\0'))
        throw new Error(`${name} holds a NUL; it cannot be exported by a shell`);
    return `'${value.replaceAll("'", "'\\''")}'`;
}
/** The stderr line for one verdict as it is known. */
function verdictLine(report) {
    return `${report.candidate.id} ${report.candidate.display}: ${verdictText(report)} — ${oneLine(report.reason)}`;
}
function verdictText(report) {
    return report.cached
        ? `${report.verdict} (cached, ${formatMs(report.cached.ageMs)} old)`
        : report.verdict;
}
function oneLine(text) {
    return text.replace(/\s*\r?\n\s*/g, ' ');
}
/** A line break in a value would end the line early and start another variable (in $GITHUB_ENV too). */
function oneLineValue(name, value) {
    if (!/[\r\n\0]/.test(value))
        return value;
    throw new Error(`${name} holds a line break or NUL; it cannot be printed as one ${name}=value line`);
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// The --help text. Every input flag must have a line: the record's type makes a new input a compile error here.

const INPUT_HELP = {
    proxies: [
        'LIST',
        'proxies to check, GOPROXY syntax (default: $GOPROXY, else https://proxy.golang.org,direct)'
    ],
    mirrors: ['LIST', 'fallback proxies, used only when no entry of --proxies passes'],
    gosumdb: ['SPEC', 'checksum database, GOSUMDB syntax (default: $GOSUMDB, else sum.golang.org)'],
    'sumdb-mirrors': ['URLS', 'other URLs serving the same checksum database'],
    goprivate: ['PATTERNS', 'private module path patterns (default: $GOPRIVATE)'],
    gonoproxy: ['PATTERNS', 'patterns fetched direct (default: $GONOPROXY, else --goprivate)'],
    gonosumdb: [
        'PATTERNS',
        'patterns not checked against the checksum database (default: $GONOSUMDB, else --goprivate)'
    ],
    'probe-modules': [
        'MODULES',
        'path@version or path (@latest) to ask for (default: rsc.io/quote@v1.5.2 golang.org/x/sys)'
    ],
    'working-directory': [
        'DIR',
        'where the build is looked for (default: $GITHUB_WORKSPACE, else the current directory)'
    ],
    'go-sum': [
        'FILES',
        'auto | none | go.sum paths and patterns such as **/go.sum (default: auto, the go.sum files of the module or workspace in --working-directory)'
    ],
    checks: ['LEVEL', 'quick | standard | full (default: standard)'],
    timeout: ['DURATION', 'time one request attempt may take, e.g. 10, 90s, 1m (default: 10 s)'],
    'slow-threshold': [
        'DURATION',
        'a request slower than this makes its candidate degraded; at most --timeout (default: half of it)'
    ],
    retries: ['N', 'extra attempts after a transient failure (default: 2)'],
    concurrency: ['N', 'requests in flight at once (default: 8)'],
    strategy: ['NAME', 'ordered | fastest (default: ordered)'],
    'on-failure': ['NAME', 'when no candidate passes: fail | direct | keep (default: fail)'],
    'fail-on': [
        'LEVEL',
        'unusable | degraded (default: unusable): with degraded, a degraded proxy heading the chain exits 1'
    ],
    'report-path': ['FILE', 'also write the JSON report to FILE'],
    'log-format': [
        'FORMAT',
        'text | json (default: text); json writes each stderr line as one ECS JSON object'
    ],
    cache: ['BOOL', 'cache verdicts in --cache-dir (default: true)'],
    'cache-ttl': ['DURATION', 'how long a usable or tampered verdict is trusted (default: 10m)'],
    'cache-dir': [
        'DIR',
        'verdict cache (default: $XDG_CACHE_HOME/validate-goproxy, else ~/.cache/validate-goproxy; Windows: %LOCALAPPDATA%\\validate-goproxy)'
    ],
    'breaker-threshold': [
        'RATIO',
        "failure ratio that opens a candidate's circuit breaker (default: 0.5)"
    ],
    'breaker-cooldown': ['DURATION', 'how long an open breaker keeps a candidate out (default: 60s)'],
    profile: ['NAME', 'which entry of --profiles to use'],
    profiles: [
        'FILE',
        'path of a YAML or JSON file (its text is the action input `profiles`) mapping profile names to proxies, mirrors, gosumdb, sumdb-mirrors, goprivate, gonoproxy, gonosumdb'
    ]
};
const OTHER_FLAGS = [
    [
        '--format table|json|env|shell',
        "what stdout carries (default: table); env: NAME=value lines for $GITHUB_ENV, .env or dotenv files; shell: export NAME='value' lines for eval or `.`; both carry credentials"
    ],
    ['-h, --help', 'print this help'],
    ['--version', 'print the version']
];
function helpText() {
    const rows = [
        ...INPUT_FLAGS.map(input => [`--${input} ${INPUT_HELP[input][0]}`, INPUT_HELP[input][1]]),
        ...OTHER_FLAGS
    ];
    const width = Math.max(...rows.map(([flag]) => flag.length));
    return [
        'Usage: validate-goproxy [flags]',
        '',
        'Probes Go module proxies (GOPROXY) and the checksum database (GOSUMDB) by the real protocol and',
        'prints a Go environment that works. The flags are the action inputs, with the same defaults and',
        'checks; an empty flag means its default. Progress goes to stderr, the result to stdout.',
        '',
        'Flags:',
        ...rows.map(([flag, meaning]) => `  ${flag.padEnd(width)}  ${meaning}`),
        '',
        'Environment, read as the go command reads it: GOPROXY, GOSUMDB, GOPRIVATE, GONOPROXY,',
        'GONOSUMDB (when the flags are empty), GOWORK, GOAUTH (netrc, off, git DIR, a command; NETRC),',
        "GOTOOLCHAIN, GOFLAGS, each when unset from Go's user env file ($GOENV, else what `go env -w`",
        'writes); HTTPS_PROXY/HTTP_PROXY/NO_PROXY, and the CA roots SSL_CERT_FILE, SSL_CERT_DIR',
        'and NODE_EXTRA_CA_CERTS.',
        '',
        'Exit status: 0 a usable proxy heads the chain (or there was nothing to probe); 1 none does',
        '(with --fail-on degraded, also when it is degraded; or a module of the build resolves through',
        'no candidate); 2 none does and a candidate served content the checksum database',
        'refutes; 64 bad usage.',
        '',
        'Example: validate-goproxy --proxies https://goproxy.example.com,direct --format env >> "$GITHUB_ENV"',
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/log/ecs.ts
// `log-format`: log lines as text, or as ECS JSON objects a log store (ELK, Splunk) ingests.
// Both faces write their json lines through ecsLine, with the same fields.




const LOG_FORMATS = ['text', 'json'];
/** The `log-format` input (empty: text); anything else is an InputError naming it. */
function parseLogFormat(value) {
    const text = value?.trim() || 'text';
    const format = LOG_FORMATS.find(f => f === text);
    if (format)
        return format;
    throw new InputError(constants/* Inputs */.G0.LogFormat, value ?? '', `must be one of: ${LOG_FORMATS.join(', ')}`);
}
function logContext(env) {
    return {
        repository: env.GITHUB_REPOSITORY || undefined,
        runId: env.GITHUB_RUN_ID || undefined,
        job: env.GITHUB_JOB || undefined,
        matrix: matrixOf(env)
    };
}
/** Matrix values a workflow passes as `env: VALIDATE_GOPROXY_MATRIX: ${{ toJSON(matrix) }}`; kept as text when not JSON. */
function matrixOf(env) {
    const text = env.VALIDATE_GOPROXY_MATRIX;
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
const MASK = '***';
/**
 * A secret as written, as a reason quotes a server's words (JSON-escaped: `"` as `\"`), and as a
 * table cell of the job summary holds it (`|` as `\|`), so an echoed one is masked in each form.
 */
function secretForms(secret) {
    const quoted = JSON.stringify(secret).slice(1, -1);
    return [...new Set([secret, quoted, secret.replace(/\|/g, '\\|'), quoted.replace(/\|/g, '\\|')])];
}
function createMasker() {
    // Longest first, so that a secret holding a shorter one is masked whole.
    const secrets = [];
    return {
        mask: text => (0,mask/* maskCredentials */.Bs)(secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text)),
        add: secret => {
            for (const form of secretForms(secret)) {
                if (!form || secrets.includes(form))
                    continue;
                secrets.push(form);
            }
            secrets.sort((a, b) => b.length - a.length);
        }
    };
}
/** The version of the Elastic Common Schema the field names follow. */
const ECS_VERSION = '8.11.0';
/**
 * One event as one line of JSON (no newline). As the ecs-logging spec asks, `log.level` and
 * `ecs.version` are top-level dotted keys; every other field set is a nested object. Each string
 * is masked before encoding, so a secret with a quote or backslash in it cannot slip through as
 * its JSON escape.
 */
function ecsLine(event, context, mask, now = new Date()) {
    const record = {
        '@timestamp': now.toISOString(),
        'log.level': event.level,
        message: event.message,
        'ecs.version': ECS_VERSION,
        service: { name: 'validate-goproxy', version: constants/* VERSION */.xv },
        event: {
            action: event.action ?? 'log',
            outcome: event.outcome,
            // ECS durations are in nanoseconds.
            duration: event.durationMs === undefined ? undefined : Math.round(event.durationMs * 1e6)
        },
        url: event.url === undefined ? undefined : { full: redactUrl(event.url) },
        http: event.status === undefined ? undefined : { response: { status_code: event.status } },
        validate_goproxy: {
            candidate: event.candidate,
            verdict: event.verdict,
            reason: event.reason,
            duration_ms: event.durationMs,
            latency_ms: event.latencyMs
        },
        github: {
            repository: context.repository,
            run_id: context.runId,
            job: context.job,
            matrix: context.matrix
        }
    };
    return JSON.stringify(compact(record, mask));
}
/** Strings masked; undefined values and objects left empty dropped. */
function compact(value, mask) {
    if (typeof value === 'string')
        return mask(value);
    if (Array.isArray(value))
        return value.map(v => compact(v, mask));
    if (value === null || typeof value !== 'object')
        return value;
    const entries = Object.entries(value)
        .map(([key, v]) => [key, compact(v, mask)])
        .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
}

;// CONCATENATED MODULE: ./src/log/events.ts


/** `✓ info https://…/@v/v1.0.0.info → 200 in 12 ms`: one request and its answer. */
function probeLine(probe) {
    const mark = probe.ok ? '✓' : '✗';
    const answer = probe.ok ? `${probe.status ?? ''} in ${formatMs(probe.totalMs)}` : probe.problem;
    const tries = probe.attempts > 1 ? ` (${probe.attempts} attempts)` : '';
    return `${mark} ${probe.endpoint} ${probe.url} → ${answer}${tries}`;
}
function probeEvent(report, probe) {
    return {
        level: 'info',
        message: probeLine(probe),
        action: 'probe',
        url: probe.url,
        candidate: report.candidate.id,
        status: probe.status,
        durationMs: probe.totalMs,
        outcome: probe.ok ? 'success' : 'failure',
        reason: probe.problem
    };
}
const VERDICT_LEVEL = {
    healthy: 'info',
    degraded: 'info',
    skipped: 'info',
    unhealthy: 'warning',
    tampered: 'error'
};
/** A candidate's verdict; `message` is the face's own line for it. */
function verdictEvent(report, message) {
    return {
        level: VERDICT_LEVEL[report.verdict],
        message,
        action: 'verdict',
        url: isProxyEntry(report.candidate.entry) ? report.candidate.display : undefined,
        candidate: report.candidate.id,
        verdict: report.verdict,
        reason: report.reason,
        latencyMs: report.latencyMs
    };
}
/** The fields of the run's last line, which says what was exported. */
function exportFields(result) {
    const head = result.selection.chain[0]?.candidate;
    return {
        action: 'export',
        url: head && isProxyEntry(head.entry) ? head.display : undefined,
        durationMs: result.durationMs,
        outcome: result.selection.goproxy === undefined ? 'failure' : 'success'
    };
}

;// CONCATENATED MODULE: ./src/cli/stderr.ts
// Everything the CLI says besides its result goes to stderr, and never with a password in it.



function createStderr(write) {
    const masker = createMasker();
    let context;
    const emit = (event) => write((context ? ecsLine(event, context, masker.mask) : masker.mask(event.message)) + '\n');
    const line = (text, fields = {}) => emit({ level: 'info', ...fields, message: text });
    return {
        line,
        verdict: (report, withProbes = true) => {
            if (context && withProbes)
                for (const probe of report.probes)
                    emit(probeEvent(report, probe));
            emit(verdictEvent(report, verdictLine(report)));
        },
        log: {
            debug: () => undefined,
            info: line,
            warning: (text, fields) => line(context ? text : `warning: ${text}`, { ...fields, level: 'warning' })
        },
        addSecret: masker.add,
        mask: masker.mask,
        useFormat: (format, env) => {
            context = format === 'json' ? logContext(env) : undefined;
        }
    };
}

;// CONCATENATED MODULE: ./src/goenv/env-file.ts
/**
 * The go command's own configuration file, read as cmd/go/internal/cfg reads it: a variable the
 * environment leaves unset or empty comes from the user's go env file ($GOENV, else
 * <config dir>/go/env, which `go env -w` writes). So a self-hosted runner configured with
 * `go env -w GOPROXY=…` is checked with the proxies its builds use. $GOROOT/go.env is not read:
 * it belongs to one Go installation, and the go on PATH when this step runs is often not the one
 * the build runs (actions/setup-go comes later); its defaults are Go's, which the action knows.
 */


/** The variables the action reads that Go may take from its env file. */
const GO_ENV_FILE_KEYS = [
    'GOPROXY',
    'GOSUMDB',
    'GOPRIVATE',
    'GONOPROXY',
    'GONOSUMDB',
    'GOAUTH',
    'GOTOOLCHAIN',
    'GOFLAGS'
];
/** `env`, with what the user's go env file gives the variables it leaves unset or empty. */
function withGoEnvFile(env, platform) {
    const file = readEnvFile(userEnvFile(env, platform));
    const missing = GO_ENV_FILE_KEYS.filter(key => !env[key] && file.has(key));
    // Unchanged, `env` keeps what a copy would lose: process.env's case-insensitive names on Windows.
    if (missing.length === 0)
        return env;
    return { ...env, ...Object.fromEntries(missing.map(key => [key, file.get(key)])) };
}
/** cfg.EnvFile: $GOENV (`off`: none), else os.UserConfigDir()/go/env. */
function userEnvFile(env, platform) {
    if (env.GOENV)
        return env.GOENV === 'off' ? undefined : env.GOENV;
    const dir = userConfigDir(env, platform);
    return dir && external_node_path_namespaceObject.join(dir, 'go', 'env');
}
/** os.UserConfigDir, per platform. */
function userConfigDir(env, platform) {
    if (platform === 'win32')
        return env.AppData || env.APPDATA || undefined;
    if (platform === 'darwin')
        return env.HOME && external_node_path_namespaceObject.join(env.HOME, 'Library', 'Application Support');
    const xdg = env.XDG_CONFIG_HOME;
    if (xdg)
        return external_node_path_namespaceObject.isAbsolute(xdg) ? xdg : undefined;
    return env.HOME ? external_node_path_namespaceObject.join(env.HOME, '.config') : undefined;
}
/**
 * cfg.readEnvFile: KEY=value lines, the value as written; lines without `=` or not starting
 * with A-Z (comments) are skipped; a later line wins. A file that cannot be read is empty.
 */
function readEnvFile(file) {
    const values = new Map();
    let text;
    try {
        text = file ? (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8') : '';
    }
    catch {
        return values;
    }
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0 || !/^[A-Z]/.test(line))
            continue;
        values.set(line.slice(0, eq), line.slice(eq + 1));
    }
    return values;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The command line face: flags → the same plan and engine as the action → a result on stdout.























const processIo = {
    stdout: text => void process.stdout.write(text),
    stderr: text => void process.stderr.write(text)
};
/** The exit statuses; 64 is EX_USAGE of sysexits.h. */
const EXIT = { usable: 0, failed: 1, tampered: 2, usage: 64 };
/** What the table tells of the toolchains below its rows (a JSON report holds it too). */
function toolchainWarnings(result) {
    return (result.build?.toolchains ?? []).flatMap(t => toolchainWarning(t) ?? []);
}
/** Runs the CLI and returns its exit status; never throws. */
async function main(argv, shellEnv, io) {
    const stderr = createStderr(io.stderr);
    try {
        checkNodeVersion();
        // What the go command will see: the shell's variables, else Go's env file.
        const env = withGoEnvFile(shellEnv, process.platform);
        const args = parseCliArgs(argv);
        if (args.help || args.version) {
            io.stdout(args.help ? helpText() : `validate-goproxy ${constants/* VERSION */.xv}\n`);
            return EXIT.usable;
        }
        const logFormat = parseLogFormat(args.raw[constants/* Inputs */.G0.LogFormat]);
        stderr.useFormat(logFormat, env);
        const raw = await withProfilesText(args.raw);
        const plan = buildPlan(raw, {
            env,
            platform: process.platform,
            defaultCacheDir: defaultCacheDir(env, process.platform),
            yaml: await loadYaml(raw)
        });
        const reportPath = raw[constants/* Inputs */.G0.ReportPath]?.trim();
        if (reportPath)
            checkReportPath(reportPath);
        for (const secret of planSecrets(plan))
            stderr.addSecret(secret);
        const result = await probe(plan, env, stderr);
        // The table says it on stdout; a log store reads only the log lines.
        if (args.format !== 'table' || logFormat === 'json') {
            stderr.line(outcomeSentence(result), {
                ...exportFields(result),
                level: exitStatus(result) === EXIT.usable ? 'info' : 'error'
            });
            for (const warning of toolchainWarnings(result))
                stderr.log.warning(warning);
        }
        const degraded = degradedHead(result.selection, plan.failOn);
        if (degraded)
            stderr.line(degradedHeadSentence(degraded), { level: 'error', action: 'gate' });
        // A server may quote a request's credentials back: what is written and printed is masked.
        await writeReport(reportPath, formatJson(result, process.platform, stderr.mask));
        io.stdout(formatResult(result, args.format, process.platform, stderr.mask));
        return exitStatus(result);
    }
    catch (err) {
        return main_failure(err, stderr);
    }
}
/**
 * 0 when a proxy that passed (at the level --fail-on asks) heads the exported chain, or there was
 * nothing to probe; else 2 when some candidate served content the checksum database refutes, 1
 * otherwise.
 */
function exitStatus(result) {
    if (result.exported.healthy || result.selection.outcome === 'nothing-to-probe')
        return EXIT.usable;
    return result.reports.some(r => r.verdict === 'tampered') ? EXIT.tampered : EXIT.failed;
}
/** For the CLI, --profiles names a file; the plan takes its text, as the action input holds it. */
async function withProfilesText(raw) {
    const file = raw[constants/* Inputs */.G0.Profiles]?.trim();
    if (!file)
        return raw;
    try {
        return { ...raw, [constants/* Inputs */.G0.Profiles]: await (0,promises_.readFile)(file, 'utf8') };
    }
    catch (err) {
        throw new InputError(constants/* Inputs */.G0.Profiles, file, `cannot be read: ${messageOf(err)}`);
    }
}
/**
 * Probes with progress on stderr: each candidate's verdict as soon as its own probes end (a hung
 * candidate holds up no other line), then, once the checksum database and the build have had
 * their say, the final verdict of each one that changed.
 */
async function probe(plan, env, stderr) {
    const probed = plan.candidates.filter(c => isProxyEntry(c.entry)).length;
    if (probed > 0)
        stderr.line(`probing ${plural(probed, 'candidate')} (checks: ${plan.checks})…`, {
            action: 'start'
        });
    const deps = await createEffects(plan, env, stderr.log, stderr);
    try {
        const printed = new Map();
        const onProbed = (report) => {
            printed.set(report.candidate.id, verdictLine(report));
            stderr.verdict(report);
        };
        const result = await validate(plan, { ...deps.effects, onProbed });
        for (const report of result.reports) {
            if (printed.get(report.candidate.id) !== verdictLine(report))
                stderr.verdict(report, false);
        }
        return result;
    }
    finally {
        deps.close();
    }
}
async function writeReport(file, report) {
    if (!file?.trim())
        return;
    await (0,promises_.mkdir)(external_node_path_namespaceObject.dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, report);
}
/**
 * Node 20.16 or later (package.json engines, which npm only warns about): built-in modules are
 * loaded on first use with process.getBuiltinModule, which older Node lacks.
 */
function checkNodeVersion() {
    if (typeof process.getBuiltinModule !== 'function')
        throw new Error(`needs Node 20.16 or later; this is Node ${process.versions.node}`);
}
function main_failure(err, stderr) {
    const fields = { level: 'error', action: 'error' };
    stderr.line(`validate-goproxy: ${messageOf(err)}`, fields);
    if (err instanceof UsageError)
        stderr.line("Run 'validate-goproxy --help' for the flags.", fields);
    return err instanceof UsageError || err instanceof InputError ? EXIT.usage : EXIT.failed;
}
function plural(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   H9: () => (/* binding */ GOAUTH),
/* harmony export */   Kl: () => (/* binding */ GODEBUG),
/* harmony export */   OB: () => (/* binding */ GoEnv),
/* harmony export */   _O: () => (/* binding */ USER_AGENT),
/* harmony export */   cH: () => (/* binding */ GO_DEFAULT_GOPROXY),
/* harmony export */   lw: () => (/* binding */ GO_DEFAULT_GOSUMDB),
/* harmony export */   tK: () => (/* binding */ DEFAULT_PROBE_MODULES),
/* harmony export */   xv: () => (/* binding */ VERSION)
/* harmony export */ });
/* unused harmony export Outputs */
/** Names of the action's inputs: the v1 API, kept exactly as documented in action.yml. */
var Inputs;
(function (Inputs) {
    Inputs["Proxies"] = "proxies";
    Inputs["Mirrors"] = "mirrors";
    Inputs["Gosumdb"] = "gosumdb";
    Inputs["SumdbMirrors"] = "sumdb-mirrors";
    Inputs["Goprivate"] = "goprivate";
    Inputs["Gonoproxy"] = "gonoproxy";
    Inputs["Gonosumdb"] = "gonosumdb";
    Inputs["ProbeModules"] = "probe-modules";
    Inputs["WorkingDirectory"] = "working-directory";
    Inputs["GoSum"] = "go-sum";
    Inputs["Checks"] = "checks";
    Inputs["Timeout"] = "timeout";
    Inputs["SlowThreshold"] = "slow-threshold";
    Inputs["Retries"] = "retries";
    Inputs["Concurrency"] = "concurrency";
    Inputs["Strategy"] = "strategy";
    Inputs["OnFailure"] = "on-failure";
    Inputs["FailOn"] = "fail-on";
    Inputs["ExportEnv"] = "export-env";
    Inputs["Summary"] = "summary";
    Inputs["ReportPath"] = "report-path";
    Inputs["LogFormat"] = "log-format";
    Inputs["Cache"] = "cache";
    Inputs["CacheTtl"] = "cache-ttl";
    Inputs["CacheDir"] = "cache-dir";
    Inputs["BreakerThreshold"] = "breaker-threshold";
    Inputs["BreakerCooldown"] = "breaker-cooldown";
    Inputs["Profile"] = "profile";
    Inputs["Profiles"] = "profiles";
})(Inputs || (Inputs = {}));
/** Names of the action's outputs. */
var Outputs;
(function (Outputs) {
    Outputs["Goproxy"] = "goproxy";
    Outputs["Gosumdb"] = "gosumdb";
    Outputs["Gonoproxy"] = "gonoproxy";
    Outputs["Gonosumdb"] = "gonosumdb";
    Outputs["Goprivate"] = "goprivate";
    Outputs["Healthy"] = "healthy";
    Outputs["Selected"] = "selected";
    Outputs["FallbackUsed"] = "fallback-used";
    Outputs["CacheHit"] = "cache-hit";
    Outputs["Report"] = "report";
    Outputs["Verdicts"] = "verdicts";
    Outputs["ModulesChecked"] = "modules-checked";
    Outputs["ModulesUnresolved"] = "modules-unresolved";
})(Outputs || (Outputs = {}));
/** The Go environment variables the action reads and exports. */
var GoEnv;
(function (GoEnv) {
    GoEnv["Goproxy"] = "GOPROXY";
    GoEnv["Gosumdb"] = "GOSUMDB";
    GoEnv["Goprivate"] = "GOPRIVATE";
    GoEnv["Gonoproxy"] = "GONOPROXY";
    GoEnv["Gonosumdb"] = "GONOSUMDB";
})(GoEnv || (GoEnv = {}));
/** The Go environment variable for credentials: read from the job's environment, never exported. */
const GOAUTH = 'GOAUTH';
/** Go's runtime settings: read from the job's environment for the TLS the go command speaks. */
const GODEBUG = 'GODEBUG';
/** Go's own defaults, used where neither the input nor the job env sets a value. */
const GO_DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';
const GO_DEFAULT_GOSUMDB = 'sum.golang.org';
/**
 * Default probe modules: rsc.io/quote@v1.5.2 is tiny and has been served unchanged
 * since 2018 (the Go tutorials use it); golang.org/x/sys@latest shows a proxy is current.
 */
const DEFAULT_PROBE_MODULES = ['rsc.io/quote@v1.5.2', 'golang.org/x/sys@latest'];
const USER_AGENT = 'validate-goproxy/1';
/** The release, as in package.json (a test keeps them equal); the CLI prints it for --version. */
const VERSION = '1.0.0';


/***/ }),

/***/ 7380:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ maskCredentials),
/* harmony export */   Q6: () => (/* binding */ maskCredentialsLoosely),
/* harmony export */   _H: () => (/* binding */ stripUserinfo)
/* harmony export */ });
// Masking that needs no parsing, for text that is not (or not only) one well-formed URL.
//
// Go's URL.Redacted shows a user name that has no password, but such a name is what Go sends as
// the Basic-auth credential (`https://TOKEN@host` is how many private proxies take a token), so
// here it is masked as a password is.
// "//userinfo@": as in Go's authority the user information runs to the last '@' before a '/',
// the user name to its first ':', and the password may hold anything else (spaces, '?', '#').
const USERINFO = /\/\/([^/]*)@/g;
// For text a person typed, which may be no valid URL at all: a password with an unescaped '/'
// (a base64 token) runs on to the last '@' of its list item, and is masked all the same.
const LOOSE_USERINFO = /(\/\/[^/:@\s,|]*:)[^\s,|]*@/g;
/**
 * Replaces every password in `//user:password@` with "xxxxx", keeping the user name, and a user
 * name with no password (or an empty one) with "xxxxx": then the name is the credential.
 */
function maskCredentials(text) {
    return text.replace(USERINFO, (_, userinfo) => {
        if (userinfo === '')
            return '//@';
        const colon = userinfo.indexOf(':');
        const hasPassword = colon >= 0 && colon < userinfo.length - 1;
        return hasPassword ? `//${userinfo.slice(0, colon)}:xxxxx@` : '//xxxxx@';
    });
}
/**
 * Masks credentials in raw input, erring on the side of hiding too much: used for error messages
 * about a value that may not parse, which are printed before any secret could be registered.
 */
function maskCredentialsLoosely(text) {
    return maskCredentials(text).replace(LOOSE_USERINFO, '$1xxxxx@');
}
/** Removes every `//userinfo@` (with or without a password), keeping the `//`. */
function stripUserinfo(text) {
    return text.replace(/\/\/[^/]*@/g, '//');
}


/***/ }),

/***/ 3139:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ exitWhenSettled)
/* harmony export */ });
// How both entry files end. Once the result is out, the process exits: whatever a library left
// running (the Actions cache client's socket to a service that never answers, its retry timers)
// must not hold a step open until the job's timeout. Exiting is the one way to end work that
// cannot be cancelled, and it ends all of it.
/** Longest wait for stdout and stderr to drain before exiting anyway (a reader that never reads). */
const FLUSH_LIMIT_MS = 5_000;
/**
 * Waits for `done` (the exit status; undefined: process.exitCode, as @actions/core sets it),
 * lets stdout and stderr drain — writes to a pipe are asynchronous on macOS and Windows — and
 * exits. A rejection is printed and exits with 1.
 */
async function exitWhenSettled(done) {
    let status;
    try {
        status = (await done) ?? Number(process.exitCode ?? 0);
    }
    catch (err) {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        status = 1;
    }
    await Promise.race([
        Promise.all([drained(process.stdout), drained(process.stderr)]),
        flushLimit()
    ]);
    process.exit(status);
}
/** Resolves once everything written so far has been handed to the OS: writes complete in order. */
function drained(stream) {
    return new Promise(resolve => {
        if (stream.destroyed || !stream.writable)
            return resolve();
        stream.write('', () => resolve());
    });
}
function flushLimit() {
    return new Promise(resolve => setTimeout(resolve, FLUSH_LIMIT_MS).unref());
}


/***/ }),

/***/ 3180:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ GoEnvError)
/* harmony export */ });
/** The one error type of the Go environment rules: a value Go itself would reject or misread. */
class GoEnvError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GoEnvError';
    }
}


/***/ }),

/***/ 1817:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ quoteBytes),
/* harmony export */   OA: () => (/* binding */ fields),
/* harmony export */   Pd: () => (/* binding */ trimSpace),
/* harmony export */   Zx: () => (/* binding */ quoteRune),
/* harmony export */   aQ: () => (/* binding */ isGraphicOrSpace),
/* harmony export */   hD: () => (/* binding */ quote)
/* harmony export */ });
// Go's string helpers that the environment rules depend on: unicode.IsSpace (for
// strings.TrimSpace and strings.Fields) and strconv's %q quoting used in Go's messages.
// unicode.IsSpace: ASCII white space, NEL, NBSP and the Z categories (JS \s differs: it has
// U+FEFF but lacks U+0085).
const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${SPACE}]+$`);
const SPACE_RUN = new RegExp(`[${SPACE}]+`);
// unicode.IsGraphic (letters, marks, numbers, punctuation, symbols, space separators) or
// unicode.IsSpace.
const GRAPHIC_OR_SPACE = new RegExp(`^[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}${SPACE}]*$`, 'u');
/** Every character of `s` is graphic or white space, as Go's unicode package says. */
function isGraphicOrSpace(s) {
    return GRAPHIC_OR_SPACE.test(s);
}
/** strings.TrimSpace. */
function trimSpace(s) {
    return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}
/** strings.Fields: the non-empty runs between white space. */
function fields(s) {
    return s.split(SPACE_RUN).filter(f => f !== '');
}
// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const NAMED_ESCAPES = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v'
};
function quoteChar(ch, quote) {
    if (ch === quote || ch === '\\')
        return `\\${ch}`;
    const cp = ch.codePointAt(0) ?? 0;
    // A lone surrogate is what invalid UTF-8 becomes in JS; Go shows such bytes as \ufffd.
    if (cp >= 0xd800 && cp <= 0xdfff)
        return '\\ufffd';
    if (PRINTABLE.test(ch))
        return ch;
    const named = NAMED_ESCAPES[ch];
    if (named !== undefined)
        return named;
    if (cp < 0x20 || cp === 0x7f)
        return `\\x${cp.toString(16).padStart(2, '0')}`;
    if (cp < 0x10000)
        return `\\u${cp.toString(16).padStart(4, '0')}`;
    return `\\U${cp.toString(16).padStart(8, '0')}`;
}
/** strconv.Quote (fmt's %q of a string): `"a\tb"`. */
function quote(s) {
    let out = '"';
    for (const ch of s)
        out += quoteChar(ch, '"');
    return out + '"';
}
/** strconv.QuoteRune (fmt's %q of a rune): `'!'`. */
function quoteRune(ch) {
    return `'${quoteChar(ch, "'")}'`;
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Length of the valid UTF-8 sequence at bytes[i], or 0 if the byte there starts none.
function sequenceLength(bytes, i) {
    const b = bytes[i];
    if (b < 0x80)
        return 1;
    const size = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0)
        return 0;
    try {
        strictUtf8.decode(bytes.subarray(i, i + size));
        return size;
    }
    catch {
        return 0;
    }
}
/** strconv.Quote of raw bytes: like quote, with bytes that are not UTF-8 shown as \xNN. */
function quoteBytes(bytes) {
    let out = '"';
    for (let i = 0; i < bytes.length;) {
        const size = sequenceLength(bytes, i);
        if (size === 0) {
            out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
            i++;
        }
        else {
            out += quoteChar(strictUtf8.decode(bytes.subarray(i, i + size)), '"');
            i += size;
        }
    }
    return out + '"';
}


/***/ }),

/***/ 3174:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jU: () => (/* binding */ emptyUrl),
  Dr: () => (/* binding */ formatGoUrl),
  P: () => (/* binding */ parseGoUrl),
  G0: () => (/* binding */ redactedGoUrl),
  cT: () => (/* binding */ tryParseGoUrl)
});

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
// EXTERNAL MODULE: ./src/credentials/mask.ts
var mask = __nccwpck_require__(7380);
// EXTERNAL MODULE: ./src/gostd/errors.ts
var errors = __nccwpck_require__(3180);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __nccwpck_require__(1817);
// EXTERNAL MODULE: ./src/gostd/urlescape.ts
var urlescape = __nccwpck_require__(9677);
;// CONCATENATED MODULE: ./src/gostd/url.ts
// A URL as Go's net/url parses and prints it: the go command accepts or rejects a GOPROXY entry
// by url.Parse, and writes URLs in its messages with URL.Redacted, so both must be Go's.





/** The zero GoUrl, as Go's `url.URL{}`. */
function emptyUrl() {
    return {
        scheme: '',
        opaque: '',
        host: '',
        path: '',
        rawPath: '',
        rawQuery: '',
        forceQuery: false,
        fragment: '',
        rawFragment: '',
        omitHost: false
    };
}
/**
 * url.Parse. Throws GoEnvError worded as Go's `parse "<url>": <reason>`, except that a password
 * in the quoted URL is masked (Go prints it).
 */
function parseGoUrl(raw) {
    const hash = raw.indexOf('#');
    const main = hash < 0 ? raw : raw.slice(0, hash);
    const url = withContext(main, () => parseWithoutFragment(main));
    if (hash >= 0 && hash < raw.length - 1) {
        const fragment = raw.slice(hash + 1);
        url.fragment = withContext(raw, () => (0,urlescape/* unescape */.x4)(fragment, 'fragment'));
        url.rawFragment = (0,urlescape/* escape */.ih)(url.fragment, 'fragment') === fragment ? '' : fragment;
    }
    return url;
}
/** parseGoUrl, or undefined where Go's url.Parse returns an error. */
function tryParseGoUrl(raw) {
    try {
        return parseGoUrl(raw);
    }
    catch (err) {
        if (err instanceof errors/* GoEnvError */.O)
            return undefined;
        throw err;
    }
}
function withContext(raw, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (!(err instanceof errors/* GoEnvError */.O))
            throw err;
        throw new errors/* GoEnvError */.O(`parse ${(0,strings/* quote */.hD)((0,mask/* maskCredentials */.Bs)(raw))}: ${err.message}`);
    }
}
function parseWithoutFragment(raw) {
    if ([...raw].some(c => c < ' ' || c === '\x7f')) {
        throw new errors/* GoEnvError */.O('net/url: invalid control character in URL');
    }
    const url = emptyUrl();
    if (raw === '*')
        return { ...url, path: '*' };
    const [scheme, afterScheme] = splitScheme(raw);
    url.scheme = scheme.toLowerCase();
    let rest = afterScheme;
    if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
        url.forceQuery = true;
        rest = rest.slice(0, -1);
    }
    else if (rest.includes('?')) {
        url.rawQuery = rest.slice(rest.indexOf('?') + 1);
        rest = rest.slice(0, rest.indexOf('?'));
    }
    if (!rest.startsWith('/')) {
        if (url.scheme !== '')
            return { ...url, opaque: rest };
        // A relative path whose first segment has a colon would read as a scheme.
        if (rest.split('/')[0].includes(':')) {
            throw new errors/* GoEnvError */.O('first path segment in URL cannot contain colon');
        }
    }
    if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
        const slash = rest.indexOf('/', 2);
        const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
        rest = slash < 0 ? '' : rest.slice(slash);
        parseAuthority(url, authority);
    }
    else if (url.scheme !== '' && rest.startsWith('/')) {
        url.omitHost = true;
    }
    url.path = (0,urlescape/* unescape */.x4)(rest, 'path');
    url.rawPath = (0,urlescape/* escape */.ih)(url.path, 'path') === rest ? '' : rest;
    return url;
}
/** getScheme: `[a-zA-Z][a-zA-Z0-9+.-]*:`, else no scheme at all. */
function splitScheme(raw) {
    const match = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(raw);
    if (match)
        return [match[0].slice(0, -1), raw.slice(match[0].length)];
    if (raw.startsWith(':'))
        throw new errors/* GoEnvError */.O('missing protocol scheme');
    return ['', raw];
}
// The user information ends at the last '@' (so a password may hold '@').
function parseAuthority(url, authority) {
    const at = authority.lastIndexOf('@');
    url.host = parseHost(url.scheme, authority.slice(at + 1));
    if (at < 0)
        return;
    const userinfo = authority.slice(0, at);
    if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) {
        throw new errors/* GoEnvError */.O('net/url: invalid userinfo');
    }
    const colon = userinfo.indexOf(':');
    if (colon < 0) {
        url.user = { username: (0,urlescape/* unescape */.x4)(userinfo, 'userPassword') };
    }
    else {
        url.user = {
            username: (0,urlescape/* unescape */.x4)(userinfo.slice(0, colon), 'userPassword'),
            password: (0,urlescape/* unescape */.x4)(userinfo.slice(colon + 1), 'userPassword')
        };
    }
}
function parseHost(scheme, host) {
    const open = host.lastIndexOf('[');
    if (open > 0)
        throw new errors/* GoEnvError */.O('invalid IP-literal');
    if (open === 0)
        return parseIpLiteral(host);
    const first = host.indexOf(':');
    if (first >= 0) {
        // Go 1.26 is strict about extra colons in http(s) hosts; elsewhere the last one starts the port.
        const strict = scheme === 'http' || scheme === 'https';
        const port = host.slice(strict ? first : host.lastIndexOf(':'));
        checkPort(port);
    }
    return (0,urlescape/* unescape */.x4)(host, 'host');
}
function checkPort(colonPort) {
    if (colonPort !== '' && !/^:[0-9]*$/.test(colonPort)) {
        throw new errors/* GoEnvError */.O(`invalid port ${(0,strings/* quote */.hD)(colonPort)} after host`);
    }
}
// "[fe80::1%25en0]:80": only an IPv6 address (with an optional zone) may stand in brackets.
function parseIpLiteral(host) {
    const close = host.lastIndexOf(']');
    if (close < 0)
        throw new errors/* GoEnvError */.O("missing ']' in host");
    const colonPort = host.slice(close + 1);
    checkPort(colonPort);
    const hostname = host.slice(1, close);
    const zone = hostname.indexOf('%25');
    const address = zone < 0
        ? (0,urlescape/* unescape */.x4)(hostname, 'host')
        : (0,urlescape/* unescape */.x4)(hostname.slice(0, zone), 'host') + (0,urlescape/* unescape */.x4)(hostname.slice(zone), 'zone');
    if ((0,external_node_net_namespaceObject.isIPv4)(address))
        throw new errors/* GoEnvError */.O('invalid IP-literal');
    if (!(0,external_node_net_namespaceObject.isIPv6)(address)) {
        throw new errors/* GoEnvError */.O(`invalid host: ParseAddr(${(0,strings/* quote */.hD)(address)}): not an IP address`);
    }
    return `[${address}]${colonPort}`;
}
/** URL.EscapedPath: the raw path when it is a valid encoding of the path, else Go's escaping. */
function escapedPath(url) {
    if (url.rawPath !== '' && (0,urlescape/* validEncoded */.jv)(url.rawPath, 'path')) {
        try {
            if ((0,urlescape/* unescape */.x4)(url.rawPath, 'path') === url.path)
                return url.rawPath;
        }
        catch {
            // An invalid raw path is ignored, as Go does.
        }
    }
    if (url.path === '*')
        return '*';
    return (0,urlescape/* escape */.ih)(url.path, 'path');
}
function escapedFragment(url) {
    if (url.rawFragment !== '' && (0,urlescape/* validEncoded */.jv)(url.rawFragment, 'fragment')) {
        try {
            if ((0,urlescape/* unescape */.x4)(url.rawFragment, 'fragment') === url.fragment)
                return url.rawFragment;
        }
        catch {
            // An invalid raw fragment is ignored, as Go does.
        }
    }
    return (0,urlescape/* escape */.ih)(url.fragment, 'fragment');
}
function userinfoText(user) {
    const name = (0,urlescape/* escape */.ih)(user.username, 'userPassword');
    return user.password === undefined ? name : `${name}:${(0,urlescape/* escape */.ih)(user.password, 'userPassword')}`;
}
/** URL.String. */
function formatGoUrl(url) {
    let out = url.scheme === '' ? '' : `${url.scheme}:`;
    if (url.opaque !== '') {
        out += url.opaque;
    }
    else {
        const hasAuthority = url.scheme !== '' || url.host !== '' || url.user !== undefined;
        const omit = url.omitHost && url.host === '' && url.user === undefined;
        if (hasAuthority && !omit) {
            if (url.host !== '' || url.path !== '' || url.user !== undefined)
                out += '//';
            if (url.user !== undefined)
                out += `${userinfoText(url.user)}@`;
            out += (0,urlescape/* escape */.ih)(url.host, 'host');
        }
        const path = escapedPath(url);
        if (path !== '' && !path.startsWith('/') && url.host !== '')
            out += '/';
        // A colon in the first segment of a bare relative path would read as a scheme.
        if (out === '' && path.split('/')[0].includes(':'))
            out += './';
        out += path;
    }
    if (url.forceQuery || url.rawQuery !== '')
        out += `?${url.rawQuery}`;
    if (url.fragment !== '')
        out += `#${escapedFragment(url)}`;
    return out;
}
/** URL.Redacted: String with any password replaced by "xxxxx". */
function redactedGoUrl(url) {
    if (url.user?.password === undefined)
        return formatGoUrl(url);
    return formatGoUrl({ ...url, user: { username: url.user.username, password: 'xxxxx' } });
}


/***/ }),

/***/ 9677:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ih: () => (/* binding */ escape),
/* harmony export */   jv: () => (/* binding */ validEncoded),
/* harmony export */   x4: () => (/* binding */ unescape)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3180);
/* harmony import */ var _strings_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1817);
// Percent-encoding as Go's net/url does it, per part of the URL. Go works on bytes; here a
// string is taken as its UTF-8 bytes, so every non-ASCII byte is one that must be escaped.


const HOST_EXTRA = new Set('!$&\'()*+,;=:[]<>"');
const RESERVED = new Set('$&+,/:;=?@');
function isAlphanumeric(c) {
    return /^[A-Za-z0-9]$/.test(c);
}
/** Whether the ASCII character c must be written as %XX in the given part of a URL. */
function shouldEscape(c, mode) {
    if (isAlphanumeric(c))
        return false;
    if ((mode === 'host' || mode === 'zone') && HOST_EXTRA.has(c))
        return false;
    if ('-_.~'.includes(c))
        return false;
    if (RESERVED.has(c)) {
        switch (mode) {
            case 'path':
                return c === '?';
            case 'pathSegment':
                return '/;,?'.includes(c);
            case 'userPassword':
                return '@/?:'.includes(c);
            case 'queryComponent':
                return true;
            case 'fragment':
                return false;
        }
    }
    if (mode === 'fragment' && '!()*'.includes(c))
        return false;
    return true;
}
const utf8 = new TextEncoder();
const isHexDigit = (b) => b !== undefined && /^[0-9A-Fa-f]$/.test(String.fromCharCode(b));
/** net/url's unescape: decodes %XX (and '+' in query components); throws on malformed escapes. */
function unescape(s, mode) {
    // Go works on bytes, and its messages quote byte slices (which may cut a character in two).
    const bytes = utf8.encode(s);
    const out = [];
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === 0x25) {
            const escape = bytes.subarray(i, i + 3);
            if (!isHexDigit(bytes[i + 1]) || !isHexDigit(bytes[i + 2])) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid URL escape ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteBytes */ .K7)(escape)}`);
            }
            checkHostEscape(String.fromCharCode(...escape), mode);
            out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
            i += 2;
        }
        else if (mode === 'host' || mode === 'zone') {
            if (b < 0x80 && shouldEscape(String.fromCharCode(b), mode)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid character ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(String.fromCharCode(b))} in host name`);
            }
            out.push(b);
        }
        else {
            out.push(b === 0x2b && mode === 'queryComponent' ? 0x20 : b);
        }
    }
    // Bytes that are not UTF-8 become U+FFFD here, where Go would keep them.
    return new TextDecoder().decode(Uint8Array.from(out));
}
// Hosts may %-encode only non-ASCII bytes (and %25 for an IPv6 zone); zones only what could
// be written plainly in a host, or a space.
function checkHostEscape(escape, mode) {
    const value = parseInt(escape.slice(1), 16);
    if (mode === 'host' && value < 0x80 && escape !== '%25') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid URL escape ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(escape)}`);
    }
    if (mode === 'zone' && escape !== '%25' && value !== 0x20) {
        const plain = String.fromCharCode(value);
        if (value >= 0x80 || shouldEscape(plain, 'host')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GoEnvError */ .O(`invalid URL escape ${(0,_strings_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(escape)}`);
        }
    }
}
/** net/url's escape: every byte that the mode does not allow becomes %XX (upper-case hex). */
function escape(s, mode) {
    let out = '';
    for (const ch of s) {
        if (ch === ' ' && mode === 'queryComponent')
            out += '+';
        else if (ch < '\x80' && !shouldEscape(ch, mode))
            out += ch;
        else {
            for (const b of utf8.encode(ch)) {
                out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
            }
        }
    }
    return out;
}
/** Whether s is already a valid escaped path or fragment (sub-delims, '%' and brackets allowed). */
function validEncoded(s, mode) {
    for (const ch of s) {
        if ("!$&'()*+,;=:@[]%".includes(ch))
            continue;
        if (ch >= '\x80' || shouldEscape(ch, mode))
            return false;
    }
    return true;
}


/***/ }),

/***/ 8222:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bw: () => (/* binding */ goGunzips),
/* harmony export */   dQ: () => (/* binding */ undecodedEncoding),
/* harmony export */   iJ: () => (/* binding */ transferEncodingProblem)
/* harmony export */ });
/**
 * How Go's HTTP client frames and decodes a response where Node's would differ: the go command
 * must not be told a proxy works when its own client refuses the answer.
 */
/** A header's values as Go's textproto reads them: one per header line, blanks trimmed. */
function headerLines(res, name) {
    const values = [];
    for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        if (res.rawHeaders[i].toLowerCase() === name)
            values.push(res.rawHeaders[i + 1].trim());
    }
    return values;
}
/**
 * Why Go's client refuses the answer's Transfer-Encoding, in its words, or undefined. Like nginx,
 * it takes exactly one header line saying `chunked` (in any case) on HTTP/1.1, and ignores the
 * header on HTTP/1.0 (net/http transfer.go, parseTransferEncoding); Node's parser would read
 * `identity`, `gzip` or an unknown coding up to the end of the connection instead, and undo the
 * chunking of an HTTP/1.0 body, which Go reads raw.
 */
function transferEncodingProblem(res) {
    const codings = headerLines(res, 'transfer-encoding');
    if (codings.length === 0)
        return undefined;
    if (res.httpVersionMajor < 1 || (res.httpVersionMajor === 1 && res.httpVersionMinor < 1)) {
        // Go reads such a body as it came, chunk framing and all, where Node would undo the framing.
        const chunked = codings.some(c => /chunked/i.test(c));
        return chunked
            ? 'HTTP/1.0 answer with Transfer-Encoding: chunked (Go reads the chunk framing as the body)'
            : undefined;
    }
    if (codings.length > 1) {
        return `too many transfer encodings: [${codings.map(quote).join(' ')}]`;
    }
    if (codings[0].toLowerCase() !== 'chunked') {
        return `unsupported transfer encoding: ${quote(codings[0])}`;
    }
    return undefined;
}
/**
 * Whether Go's client gunzips the body: it asks for gzip, and decodes when the first
 * Content-Encoding line is `gzip` in any case; any other coding is passed through as it came.
 */
function goGunzips(res) {
    return headerLines(res, 'content-encoding')[0]?.toLowerCase() === 'gzip';
}
/**
 * The Content-Encoding of an answer whose body Go reads still encoded (`br`, `deflate`, `x-gzip`,
 * `gzip, gzip`), for a reason to name when that body fails a check; undefined for none, `gzip`
 * (decoded) and `identity`.
 */
function undecodedEncoding(headers) {
    const coding = headers['content-encoding']?.trim();
    if (!coding || /^(gzip|identity)$/i.test(coding))
        return undefined;
    return coding;
}
/** Go's %q for the plain header values a server sends. */
function quote(value) {
    return JSON.stringify(value);
}


/***/ }),

/***/ 6046:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  createHttpGetter: () => (/* binding */ createHttpGetter)
});

// EXTERNAL MODULE: ./src/abort.ts
var abort = __nccwpck_require__(6885);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: ./script/lazy/actions-http-client.js
var actions_http_client = __nccwpck_require__(950);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
;// CONCATENATED MODULE: ./src/http/agents.ts



/**
 * Agents chosen by @actions/http-client when a proxy variable is set (so HTTPS_PROXY, HTTP_PROXY
 * and NO_PROXY work as in other actions), else the plain keep-alive agent it would hand out (see
 * agentSource), with two repairs. A client keeps one direct and one proxy agent, both made for the
 * protocol of the first URL it saw, so an https URL after an http one got an http agent: here
 * each protocol has its own client. And a proxy that never answers CONNECT would hold the
 * process open after every request gave up: `close` ends those CONNECT requests. Every https
 * agent, direct or tunnelled, speaks TLS as Go's client does and, with `ca`, verifies servers
 * against those CAs.
 */
function createAgents({ ca, goTls }) {
    const source = agentSource();
    const connects = new Set();
    const tracked = new WeakSet();
    // One context for every connection, built for the first https agent: building one from
    // hundreds of CAs takes tens of ms, which a run over plain http never needs.
    let secureContext;
    const contextOf = () => (secureContext ??= goContext(goTls, ca?.()));
    const speaksGo = new WeakSet();
    const speakGoTls = (agent) => {
        if (speaksGo.has(agent))
            return agent;
        speaksGo.add(agent);
        // Both https.Agent and the tunnel agents merge `options` into each tls.connect.
        const withOptions = agent;
        const { checkServerIdentity } = goTls;
        withOptions.options = {
            ...withOptions.options,
            secureContext: contextOf(),
            checkServerIdentity
        };
        return agent;
    };
    const track = (agent) => {
        if (tracked.has(agent) || !isTunnelAgent(agent))
            return agent;
        tracked.add(agent);
        const open = agent.request;
        agent.request = options => {
            const connect = open(options);
            connects.add(connect);
            connect.once('close', () => connects.delete(connect));
            return connect;
        };
        return agent;
    };
    return {
        agentFor: url => url.protocol === 'https:'
            ? speakGoTls(track(source.agentOf(url)))
            : track(source.agentOf(url)),
        close: () => {
            source.close();
            for (const connect of connects)
                connect.destroy();
        }
    };
}
/** Go's suites and key exchanges; `ca` in place of Node's defaults when given. */
function goContext({ ciphers, ecdhCurve }, ca) {
    const options = { ciphers, ecdhCurve, ...(ca && { ca }) };
    return process.getBuiltinModule('node:tls').createSecureContext(options);
}
const KEEP_ALIVE = { keepAlive: true };
/**
 * One HttpClient a protocol, made when a URL first needs a proxy, and one plain agent a protocol
 * for the URLs that need none.
 */
function agentSource() {
    const clients = new Map();
    const direct = new Map();
    return {
        agentOf: url => {
            if (proxyVariableFor(url)) {
                let client = clients.get(url.protocol);
                if (!client)
                    clients.set(url.protocol, (client = new actions_http_client.HttpClient(constants/* USER_AGENT */._O, [], KEEP_ALIVE)));
                return client.getAgent(url.href);
            }
            let agent = direct.get(url.protocol);
            if (!agent)
                direct.set(url.protocol, (agent = directAgent(url.protocol)));
            return agent;
        },
        close: () => {
            for (const client of clients.values())
                client.dispose();
            for (const agent of direct.values())
                agent.destroy();
        }
    };
}
/**
 * The variable @actions/http-client reads for a URL's proxy (lib/proxy.js getProxyUrl). Without
 * one it hands out a plain keep-alive agent, made here the same way: loading the client loads
 * https, tls and tunnel, ~10 ms of every start that a run over plain http never uses.
 */
function proxyVariableFor(url) {
    const env = process.env;
    return url.protocol === 'https:'
        ? env.https_proxy || env.HTTPS_PROXY
        : env.http_proxy || env.HTTP_PROXY;
}
/** The agent HttpClient makes when no proxy applies: keep-alive, no cap on sockets. */
function directAgent(protocol) {
    const options = { keepAlive: true, maxSockets: Infinity };
    return protocol === 'https:'
        ? new (process.getBuiltinModule('node:https').Agent)(options)
        : new external_node_http_.Agent(options);
}
function isTunnelAgent(agent) {
    return 'proxyOptions' in agent && typeof agent.request === 'function';
}

;// CONCATENATED MODULE: ./src/goenv/godebug.ts
// $GODEBUG as Go's runtime reads it (internal/godebug): `k=v,k2=v2`, a later setting overriding
// an earlier one, and a value's `#…` suffix (a bisect pattern) not part of it.
/** The value GODEBUG gives `name`, or undefined when it does not set it. */
function goDebugValue(godebug, name) {
    let value;
    for (const setting of (godebug ?? '').split(',')) {
        const eq = setting.indexOf('=');
        if (eq >= 0 && setting.slice(0, eq) === name)
            value = setting.slice(eq + 1).split('#')[0];
    }
    return value;
}

;// CONCATENATED MODULE: ./src/http/go-tls.ts

/** Go's TLS 1.2 client suites, in Go's order, by their OpenSSL names (ECDHE only). */
const ECDHE_SUITES = [
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-CHACHA20-POLY1305',
    'ECDHE-ECDSA-AES128-SHA',
    'ECDHE-RSA-AES128-SHA',
    'ECDHE-ECDSA-AES256-SHA',
    'ECDHE-RSA-AES256-SHA'
];
/** RSA key exchange, off since Go 1.22 unless GODEBUG=tlsrsakex=1. */
const RSA_KEX_SUITES = ['AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA'];
/** 3DES, off since Go 1.23 unless GODEBUG=tls3des=1 (with RSA key exchange only if that is on). */
const TDES_SUITE = 'ECDHE-RSA-DES-CBC3-SHA';
const RSA_TDES_SUITE = 'DES-CBC3-SHA';
/** Go's TLS 1.3 suites, which are Node's too; naming them keeps TLS 1.3 on. */
const TLS13_SUITES = [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256'
];
/**
 * The key exchanges Go offers that OpenSSL names everywhere (Go adds ML-KEM hybrids, which no
 * server requires). OpenSSL would also offer X448 and finite-field groups, which Go lacks.
 */
const GO_GROUPS = 'X25519:P-256:P-384:P-521';
/** Go's client TLS, with the GODEBUG settings of the job's environment that change it. */
function goTls(godebug) {
    const rsaKex = goDebugValue(godebug, 'tlsrsakex') === '1';
    const tdes = goDebugValue(godebug, 'tls3des') === '1';
    const suites = [
        ...ECDHE_SUITES,
        ...(rsaKex ? RSA_KEX_SUITES : []),
        ...(tdes ? [TDES_SUITE] : []),
        ...(tdes && rsaKex ? [RSA_TDES_SUITE] : [])
    ];
    const negativeSerials = goDebugValue(godebug, 'x509negativeserial') === '1';
    return {
        ciphers: [...TLS13_SUITES, ...suites].join(':'),
        ecdhCurve: GO_GROUPS,
        checkServerIdentity: (host, cert) => (negativeSerials ? undefined : negativeSerial(cert)) ??
            legacyCommonName(host, cert) ??
            process.getBuiltinModule('node:tls').checkServerIdentity(host, cert)
    };
}
/** Go refuses to parse a certificate with a negative serial number (since Go 1.23). */
function negativeSerial(leaf) {
    // The chain as verified, leaf first; a root is its own issuer.
    let cert = leaf;
    for (let depth = 0; cert && depth < 16; depth++) {
        if (cert.serialNumber?.startsWith('-')) {
            return tlsError('ERR_TLS_CERT_NEGATIVE_SERIAL', 'x509: negative serial number');
        }
        const issuer = cert
            .issuerCertificate;
        cert = issuer === cert ? undefined : issuer;
    }
    return undefined;
}
/**
 * Go matches a host only against the subject alternative names (since Go 1.15); Node falls back
 * to the Common Name when a certificate has none.
 */
function legacyCommonName(host, cert) {
    if (cert.subjectaltname !== undefined)
        return undefined;
    return cert.subject?.CN
        ? tlsError('ERR_TLS_CERT_LEGACY_CN', 'x509: certificate relies on legacy Common Name field, use SANs instead')
        : tlsError('ERR_TLS_CERT_ALTNAME_INVALID', `x509: certificate is not valid for any names, but wanted to match ${host}`);
}
function tlsError(code, message) {
    return Object.assign(new Error(message), { code });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ./src/http/framing.ts
var framing = __nccwpck_require__(8222);
// EXTERNAL MODULE: ./src/http/types.ts
var types = __nccwpck_require__(5853);
;// CONCATENATED MODULE: ./src/http/body.ts




/**
 * Reads a response body, decoding gzip as Go's client does, and stops at `maxBytes` of decoded
 * data: a gzip bomb or an endless body costs at most the cap in memory. With `firstBytes`, reading stops once that many
 * bytes have come: enough to see what a body starts with (a short rest is read to keep the
 * connection, a long one closes it).
 * With `spoolTo`, the body goes to that file, and memory holds one chunk at a time.
 */
async function readBody(res, maxBytes, signal, firstBytes, spoolTo) {
    const gunzip = (0,framing/* goGunzips */.bw)(res);
    // pipeline, not pipe: when a reset or the deadline destroys the response, the decoder must end
    // too, or the loop below would wait for gzip data that never comes.
    const source = gunzip
        ? (0,external_node_stream_.pipeline)(res, process.getBuiltinModule('node:zlib').createGunzip(), () => undefined)
        : res;
    const chunks = [];
    let spool;
    let total = 0;
    let rawBytes = 0;
    if (gunzip)
        res.on('data', (chunk) => void (rawBytes += chunk.length));
    const cut = watchForReset(res);
    try {
        if (spoolTo !== undefined)
            spool = await (0,promises_.open)(spoolTo, 'w').catch(fail(spoolTo));
        for await (const chunk of source) {
            const buf = chunk;
            total += buf.length;
            if (total > maxBytes) {
                throw new types/* HttpError */.j$('too-large', `body larger than ${maxBytes} bytes`);
            }
            // Each chunk is written before the next is read, so the socket waits for the disk.
            if (spool && spoolTo !== undefined)
                await spool.write(buf).catch(fail(spoolTo));
            else
                chunks.push(buf);
            if (firstBytes !== undefined && total >= firstBytes) {
                if (restIsShort(res, total))
                    await drainRest(source);
                return Buffer.concat(chunks, total).subarray(0, firstBytes);
            }
        }
    }
    catch (err) {
        if (err instanceof types/* HttpError */.j$ || err instanceof types/* LocalError */.il || signal.aborted)
            throw err;
        const code = err.code ?? '';
        if (code.startsWith('Z_')) {
            // Go's gzip reader reads an empty body as empty; and an error answer is read for its words
            // at best, so what could not be decoded leaves its status alone.
            if (rawBytes === 0 && res.complete)
                return Buffer.alloc(0);
            if (res.statusCode !== 200)
                return Buffer.concat(chunks, total);
            throw new types/* HttpError */.j$('decode', 'invalid gzip body');
        }
        if (code === 'ECONNRESET' && !cut.reset())
            throw unexpectedEof(res, gunzip ? -1 : total);
        throw err;
    }
    finally {
        cut.dispose();
        res.destroy();
        source.destroy();
        await spool?.close().catch(() => undefined);
    }
    // A body cut short (the server closed early) must not pass as a complete answer.
    if (!res.complete)
        throw unexpectedEof(res, gunzip ? -1 : total);
    return spool ? Buffer.alloc(0) : Buffer.concat(chunks, total);
}
/**
 * Tells a connection the server reset (a socket error: Go's "connection reset by peer") from one
 * it closed before the body ended, which Node reports as a reset too (code ECONNRESET, message
 * "aborted") but Go as "unexpected EOF".
 */
function watchForReset(res) {
    const socket = res.socket;
    let reset = false;
    const note = () => void (reset = true);
    socket?.on('error', note);
    return { reset: () => reset, dispose: () => void socket?.off('error', note) };
}
/**
 * A body that ended early, in Go's words, with how much of its Content-Length came when that is
 * known (`read` is -1 for a decoded body, whose length is not the header's). Like a reset, it is
 * worth another attempt.
 */
function unexpectedEof(res, read) {
    const length = Number(res.headers['content-length']);
    const known = read >= 0 && Number.isSafeInteger(length) && read < length;
    const detail = known ? `: the body ended after ${read} of ${length} bytes` : '';
    return new types/* HttpError */.j$('reset', `unexpected EOF${detail}`);
}
const fail = (path) => (err) => {
    throw (0,types/* cannotWrite */.zz)(path, err);
};
/** What a body may still hold past its first bytes and be read to keep its connection. */
const SHORT_REST = 64 << 10;
/** How long a short rest may take; past it, the connection is closed instead. */
const DRAIN_MS = 1000;
function restIsShort(res, read) {
    const length = Number(res.headers['content-length']);
    return (Number.isSafeInteger(length) && length - read <= SHORT_REST && !res.headers['content-encoding']);
}
/**
 * Reads a short rest so the connection serves the next request, which costs less than a new one
 * (a TLS handshake, on a real proxy). Best effort: a rest that stalls or breaks off only costs
 * the connection, never the first bytes already read.
 */
async function drainRest(source) {
    const timer = setTimeout(() => source.destroy(), DRAIN_MS);
    try {
        for await (const _ of source)
            void _;
    }
    catch {
        // The connection is not kept; the answer stands.
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/http/errors.ts

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_OSSL_)/;
// The proxy tunnels of @actions/http-client (the `tunnel` package) report every failure of the
// forward proxy as ECONNRESET; only the message tells a 407 from an unreachable proxy.
const TUNNEL_STATUS = /^tunneling socket could not be established, statusCode=(\d+)$/;
const TUNNEL_CAUSE = /^tunneling socket could not be established, cause=(.*)$/s;
/** Maps Node's socket and parser errors to the failure kinds a verdict reason can explain. */
function classifyNetworkError(err) {
    const e = err;
    const code = e?.code ?? '';
    const tunnel = proxyFailure(String(e?.message ?? ''));
    if (tunnel)
        return { kind: 'proxy', message: tunnel };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
        return { kind: 'dns', message: `cannot resolve host (${code})` };
    }
    if (code === 'ECONNREFUSED')
        return { kind: 'refused', message: 'connection refused' };
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
        return { kind: 'reset', message: `connection reset (${code})` };
    }
    if (TLS_CODES.test(code))
        return { kind: 'tls', message: `TLS error: ${tlsProblem(e.message)} (${code})` };
    if (code === 'EPROTO')
        return { kind: 'tls', message: `TLS error: ${handshakeProblem(e.message)}` };
    if (code === 'HPE_HEADER_OVERFLOW')
        return { kind: 'protocol', message: 'response headers too large' };
    if (code.startsWith('HPE_'))
        return { kind: 'protocol', message: `invalid HTTP response (${code})` };
    if (code === 'ERR_INVALID_URL')
        return { kind: 'protocol', message: 'invalid URL' };
    return { kind: 'reset', message: code ? `network error (${code})` : 'network error' };
}
/**
 * Node's TLS message up to its first ';': Node 24 appends advice on --use-system-ca, which an
 * action's user cannot act on (NODE_EXTRA_CA_CERTS is the documented way), and the same
 * certificate should read the same on every Node.
 */
function tlsProblem(message) {
    return message.split(';')[0].trim();
}
/**
 * OpenSSL's reason in an EPROTO message (`…:SSL routines:<function>:<reason>:<file>:…`). A server
 * that ends the handshake with a handshake_failure alert (40) most often found nothing in common
 * with the cipher suites and key exchanges offered, which are Go's (go-tls.ts).
 */
function handshakeProblem(message) {
    const reason = /:SSL routines:[^:]*:([^:]+):/.exec(message)?.[1] ?? 'handshake failed';
    // OpenSSL 3.0 (Node 20) names an alert by the version that defined it (`sslv3 alert handshake
    // failure`); OpenSSL 3.5 (Node 24, the runner's) by the protocol (`ssl/tls alert …`).
    const alert = /^(?:sslv3|tlsv1\d*|ssl\/tls) alert (.+)$/.exec(reason)?.[1];
    if (alert === undefined)
        return `${reason} (EPROTO)`;
    const why = alert === 'handshake failure'
        ? ': it accepts none of the cipher suites and key exchanges the go command offers,' +
            ' or wants a client certificate'
        : '';
    return `the server sent the alert "${alert}"${why} (EPROTO)`;
}
/** The forward proxy's failure worded for a reason, or undefined when `message` is not one. */
function proxyFailure(message) {
    const proxy = 'the proxy (HTTPS_PROXY/HTTP_PROXY)';
    const status = TUNNEL_STATUS.exec(message)?.[1];
    if (status)
        return `${proxy} answered CONNECT with ${status} ${external_node_http_.STATUS_CODES[status] ?? ''}`.trim();
    const cause = TUNNEL_CAUSE.exec(message)?.[1];
    if (cause)
        return `cannot reach ${proxy}: ${cause}`;
    if (message === 'got illegal response body from proxy')
        return `${proxy} sent data before opening the tunnel`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/http/phases.ts
function tracePhases(now = () => performance.now()) {
    const hops = [];
    return {
        watch(req) {
            const hop = { start: now() };
            hops.push(hop);
            req.once('socket', socket => {
                hop.socket = now();
                // An earlier request connected a kept-alive socket: this one has no DNS, connect or TLS.
                if (req.reusedSocket)
                    return;
                socket.once('lookup', () => (hop.lookup = now()));
                socket.once('connect', () => (hop.connect = now()));
                socket.once('secureConnect', () => (hop.secure = now()));
            });
            req.once('response', () => (hop.headers = now()));
        },
        phases(end) {
            const sums = {};
            const add = (phase, from, to) => {
                if (to !== undefined)
                    sums[phase] = (sums[phase] ?? 0) + Math.max(0, to - from);
            };
            for (const hop of hops) {
                // Node gives no "DNS started": the lookup starts as the request takes its new socket.
                add('dnsMs', hop.start, hop.lookup);
                add('connectMs', hop.lookup ?? hop.start, hop.connect);
                add('tlsMs', hop.connect ?? hop.socket ?? hop.start, hop.secure);
                add('firstByteMs', ready(hop), hop.headers);
            }
            const last = hops.at(-1);
            if (last?.headers !== undefined)
                add('transferMs', last.headers, end);
            return Object.fromEntries(Object.entries(sums).map(([phase, ms]) => [phase, Math.round(ms * 10) / 10]));
        }
    };
}
/** When the connection could carry the request: after TLS, TCP, or at once for a kept-alive one. */
function ready(hop) {
    return hop.secure ?? hop.connect ?? hop.socket ?? hop.start;
}

;// CONCATENATED MODULE: ./src/http/send.ts
// One GET on the wire, as net/http's Transport sends it for the go command: the headers it reads,
// the framing it refuses, and a request resent when a kept-alive connection turns out closed.




/**
 * The header block Go's client reads before it gives up (Transport.MaxResponseHeaderBytes'
 * default): Node's own 16 KiB would fail a proxy behind a gateway that adds large cookies.
 */
const GO_MAX_RESPONSE_HEADER_BYTES = 10 << 20;
/**
 * How many kept-alive connections in a row may turn out closed before the request fails: each
 * one is dropped from the pool, so a few are enough to reach a fresh connection.
 */
const MAX_STALE_CONNECTIONS = 8;
/** A request that failed on a reused connection before any byte of an answer came back. */
class StaleConnection extends Error {
    failure;
    constructor(failure) {
        super('kept-alive connection closed by the server');
        this.failure = failure;
    }
}
/**
 * Sends a GET and resolves with its answer's head. A GET that fails on a reused connection before
 * any answer (the server closed the idle connection as the request went out: its keep-alive
 * timeout racing ours) is sent again, as net/http resends a replayable request then; a fresh
 * connection failing is the server's failure.
 */
async function send(hop) {
    for (let stale = 0;; stale++) {
        try {
            return await sendOnce(hop);
        }
        catch (err) {
            if (!(err instanceof StaleConnection))
                throw err;
            if (stale + 1 >= MAX_STALE_CONNECTIONS)
                throw err.failure;
        }
    }
}
function sendOnce({ url, auth, agentFor, signal, trace, onConnected }) {
    const headers = { 'user-agent': constants/* USER_AGENT */._O, 'accept-encoding': 'gzip', ...auth };
    // https (and tls with it) is loaded for the first https URL: a run over plain http never is.
    const transport = url.protocol === 'https:' ? process.getBuiltinModule('node:https') : external_node_http_;
    return new Promise((resolve, reject) => {
        // A request still waiting for a socket (a proxy tunnel not yet open) emits no error when the
        // signal destroys it, so the abort itself must settle the promise.
        const abort = () => reject(signal.reason);
        if (signal.aborted)
            return abort();
        signal.addEventListener('abort', abort, { once: true });
        const settle = (fn) => (value) => {
            signal.removeEventListener('abort', abort);
            fn(value);
        };
        const req = transport.get(url, {
            headers,
            agent: agentFor(url),
            signal,
            maxHeaderSize: GO_MAX_RESPONSE_HEADER_BYTES
        });
        // Go limits the header block by its size alone; Node would also drop lines past 2000.
        req.maxHeadersCount = 0;
        trace.watch(req);
        if (onConnected)
            whenConnected(req, url.protocol === 'https:', onConnected);
        // Bytes the connection had read before this request: if none more came, the server sent no
        // byte of an answer (Go resends then, and only then).
        let readBefore;
        req.once('socket', socket => void (readBefore = socket.bytesRead));
        req.on('response', settle(acceptFraming(resolve, reject)));
        // A GET never asks to switch protocols: Go fails such an answer at once.
        req.on('upgrade', (res, socket) => {
            socket.destroy();
            settle(reject)(new types/* HttpError */.j$('protocol', `unexpected ${res.statusCode} ${res.statusMessage}`));
        });
        req.on('error', err => {
            const silent = readBefore !== undefined && req.socket?.bytesRead === readBefore;
            const stale = req.reusedSocket && silent && isConnectionDrop(err);
            settle(reject)(stale ? new StaleConnection(err) : err);
        });
    });
}
/** Resolves with an answer whose framing Go's client reads, else rejects in Go's words. */
function acceptFraming(resolve, reject) {
    return res => {
        const refused = (0,framing/* transferEncodingProblem */.iJ)(res);
        if (!refused)
            return resolve(res);
        // Go's client reads no byte of such a body; neither do we.
        res.destroy();
        reject(new types/* HttpError */.j$('protocol', refused));
    };
}
function isConnectionDrop(err) {
    const code = err.code;
    return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED';
}
function whenConnected(req, secure, connected) {
    let told = false;
    const tell = () => {
        if (!told)
            connected();
        told = true;
    };
    req.once('socket', socket => {
        if (req.reusedSocket)
            return tell();
        socket.once(secure ? 'secureConnect' : 'connect', tell);
    });
    // A tunnel through a proxy may hand over its socket already connected.
    req.once('response', tell);
}

// EXTERNAL MODULE: ./src/gostd/errors.ts
var errors = __nccwpck_require__(3180);
// EXTERNAL MODULE: ./src/gostd/url.ts + 1 modules
var gostd_url = __nccwpck_require__(3174);
// EXTERNAL MODULE: ./src/gostd/strings.ts
var strings = __nccwpck_require__(1817);
;// CONCATENATED MODULE: ./src/http/redirect.ts




/**
 * The go command's limit (net/http's default policy): a fetch makes at most 10 requests, so the
 * 10th redirect answer ends it with "stopped after 10 redirects" and 9 are followed at most.
 */
const MAX_REDIRECTS = 10;
function isRedirect(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
/**
 * Where a redirect leads, checked as the go command checks it: the Location must be one Go's
 * url.Parse takes and must name a host, and a backslash is a character of the path, not a
 * slash. `secureChain`: the fetch began at an https URL, so no hop may lead to http (web/http.go
 * judges the chain by its first URL: http → https → http is followed).
 */
function nextLocation(from, location, count, secureChain) {
    // `count` redirects followed so far means count + 1 requests made: Go's len(via).
    if (count + 1 >= MAX_REDIRECTS) {
        throw new types/* HttpError */.j$('too-many-redirects', `stopped after ${MAX_REDIRECTS} redirects`);
    }
    const next = resolveLocation(from, location);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new types/* HttpError */.j$('bad-redirect', `refusing redirect to ${next.protocol} URL`);
    }
    if (secureChain && next.protocol === 'http:') {
        throw new types/* HttpError */.j$('insecure-redirect', `refusing redirect from https to insecure URL http://${next.host}${next.pathname}`);
    }
    next.username = '';
    next.password = '';
    return next;
}
function resolveLocation(from, location) {
    try {
        const parsed = (0,gostd_url/* parseGoUrl */.P)(location);
        if (/^https?$/i.test(parsed.scheme) && parsed.host === '') {
            throw new types/* HttpError */.j$('bad-redirect', 'http: no Host in request URL');
        }
        // Go escapes a backslash in the path (%5C); the WHATWG URL would read it as a slash.
        const cut = location.search(/[?#]/);
        const path = cut < 0 ? location : location.slice(0, cut);
        const escaped = path.replaceAll('\\', '%5C') + (cut < 0 ? '' : location.slice(cut));
        // `///h/x` has no host to Go (a path on the same host); the WHATWG URL would read `h` as one.
        const samePath = parsed.scheme === '' && parsed.host === '' && escaped.startsWith('//');
        return samePath ? new URL(from.origin + escaped) : new URL(escaped, from);
    }
    catch (err) {
        if (err instanceof types/* HttpError */.j$)
            throw err;
        const why = err instanceof errors/* GoEnvError */.O ? err.message : 'invalid URL';
        throw new types/* HttpError */.j$('bad-redirect', `failed to parse Location header ${(0,strings/* quote */.hD)(location)}: ${why}`);
    }
}
/**
 * Which hops of a fetch get its credentials, as net/http's Client decides:
 * - headers set on the first request (GOAUTH's, netrc's) go along while every hop's host name
 *   is the first URL's (any port; compared as Go compares it, case and all) or a subdomain of it;
 *   once a hop leaves, never again. (Go still copies a GOAUTH header other than Authorization or
 *   Cookie off the host; we do not.)
 * - Basic auth from the URL's user info belongs to the URL: a Location that is a path keeps it,
 *   one that names a scheme, host or user drops it (url.ResolveReference).
 */
class RedirectCredentials {
    headers;
    userInfo;
    headersStripped = false;
    userInfoKept = true;
    firstHost;
    hopHost;
    /** `url` as the fetch was asked (Go's view of its host). */
    constructor(url, headers, userInfo) {
        this.headers = headers;
        this.userInfo = userInfo;
        const parsed = (0,gostd_url/* tryParseGoUrl */.cT)(url);
        this.firstHost = parsed ? goHostname(parsed.host) : new URL(url).hostname;
        this.hopHost = this.firstHost;
    }
    /** The credential headers of the first request. */
    first() {
        return this.merged();
    }
    /** The credential headers of the next hop, led there by `location` (one nextLocation took). */
    next(location) {
        const ref = (0,gostd_url/* parseGoUrl */.P)(location);
        if (ref.host !== '')
            this.hopHost = goHostname(ref.host);
        if (!isDomainOrSubdomain(this.hopHost, this.firstHost))
            this.headersStripped = true;
        if (ref.scheme !== '' || ref.host !== '' || ref.user !== undefined)
            this.userInfoKept = false;
        return this.merged();
    }
    merged() {
        const headers = this.headersStripped ? {} : { ...this.headers };
        if (!headers.authorization && this.userInfoKept && this.userInfo) {
            headers.authorization = this.userInfo;
        }
        return Object.keys(headers).length > 0 ? headers : undefined;
    }
}
/**
 * A URL host without its port, as Go's idnaASCII leaves it: an ASCII name as written (Go compares
 * it case and all), any other in its lower-case punycode form.
 */
function goHostname(host) {
    const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
    // eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
    return /^[\x00-\x7f]*$/.test(name) ? name : new URL(`http://${name}`).hostname;
}
/** net/http's isDomainOrSubdomain: `sub` is `parent` or a name under it (not for IP literals). */
function isDomainOrSubdomain(sub, parent) {
    if (sub === parent)
        return true;
    if (/[:%]/.test(sub))
        return false;
    return sub.endsWith(`.${parent}`);
}

;// CONCATENATED MODULE: ./src/http/get.ts









/**
 * A GET with the go command's rules (at most 10 requests a fetch, never to http once a fetch
 * began at https, Transfer-Encoding only as Go's client takes it, Basic auth only over https)
 * plus what the go command lacks: one deadline over the whole attempt, so a server that dribbles
 * bytes cannot hold it, and a cap on the decoded body.
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured through @actions/http-client's agents (see
 * agents.ts).
 */
function createHttpGetter(options = {}) {
    let ca;
    let loading;
    const trustLoaded = () => (loading ??= Promise.resolve(options.trust?.()).then(list => void (ca = list)));
    const agents = createAgents({ ca: () => ca, goTls: goTls(options.godebug) });
    const get = request => fetchFollowing(request, agents.agentFor, trustLoaded);
    return { get, close: agents.close };
}
async function fetchFollowing(request, agentFor, trustLoaded) {
    // Before the request's clock starts: reading the trust store is not the server's time.
    if (/^https:/i.test(request.url))
        await trustLoaded();
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const deadline = (0,abort/* deadlineSignal */.R)(request.signal, request.timeoutMs);
    const { signal } = deadline;
    let redirects = 0;
    const trace = tracePhases();
    try {
        const target = new URL(request.url);
        const credentials = fetchCredentials(target, request);
        const secureChain = target.protocol === 'https:';
        target.username = '';
        target.password = '';
        let current = target;
        let hopAuth = credentials.first();
        const { onConnected } = request;
        for (;;) {
            if (current.protocol === 'https:')
                await trustLoaded();
            const res = await send({ url: current, auth: hopAuth, agentFor, signal, trace, onConnected });
            const location = res.statusCode && isRedirect(res.statusCode) && res.headers.location;
            if (!location) {
                const headersMs = elapsed();
                const spoolTo = res.statusCode === 200 ? await request.spoolTo?.() : undefined;
                const firstBytes = res.statusCode === 200 ? request.firstBytes : errorTextBytes(request);
                const body = await readBody(res, request.maxBytes, signal, firstBytes, spoolTo);
                const timing = { headersMs, phases: trace.phases(performance.now()) };
                return response(res, body, timing, spoolTo);
            }
            // A redirect's body is never read: close it rather than drain what may never end.
            res.destroy();
            current = nextLocation(current, location, redirects++, secureChain);
            hopAuth = credentials.next(location);
        }
    }
    catch (err) {
        if (err instanceof types/* LocalError */.il)
            throw err;
        throw asHttpError(err, deadline.expired(), request);
    }
    finally {
        deadline.dispose();
    }
}
/** Enough of an error answer to quote its words, when only the first bytes of a 200 are read. */
const ERROR_TEXT_BYTES = 1024;
function errorTextBytes(request) {
    return request.firstBytes === undefined
        ? undefined
        : Math.max(request.firstBytes, ERROR_TEXT_BYTES);
}
/**
 * The fetch's credentials: GOAUTH's headers, and Basic auth from the URL's user info (used when
 * GOAUTH gives no Authorization). Like Basic auth, the headers go over https only; which hops of
 * a redirect get them is RedirectCredentials' rule.
 */
function fetchCredentials(url, request) {
    const headers = {};
    for (const [name, values] of Object.entries(request.headers ?? {})) {
        headers[name.toLowerCase()] = values;
    }
    const basic = basicAuthorization(url);
    if ((Object.keys(headers).length > 0 || basic) && url.protocol !== 'https:') {
        // The go command refuses this too: Basic auth over http would send the password in clear.
        throw new types/* HttpError */.j$('insecure-credentials', `refusing to pass credentials to insecure URL: ${url.protocol}//${url.host}${url.pathname}`);
    }
    return new RedirectCredentials(request.url, headers, basic);
}
function basicAuthorization(url) {
    if (!url.username)
        return undefined;
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return `Basic ${Buffer.from(user).toString('base64')}`;
}
function response(res, body, timing, bodyFile) {
    return {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        headers: res.headers,
        body,
        ...(bodyFile !== undefined && { bodyFile }),
        timing
    };
}
function asHttpError(err, expired, request) {
    if (err instanceof types/* HttpError */.j$)
        return err;
    if (expired) {
        return new types/* HttpError */.j$('timeout', `no complete answer within ${request.timeoutMs} ms`);
    }
    if (request.signal?.aborted)
        return new types/* HttpError */.j$('aborted', 'request cancelled');
    const { kind, message } = classifyNetworkError(err);
    return new types/* HttpError */.j$(kind, message);
}


/***/ }),

/***/ 7850:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   trustedCertificates: () => (/* binding */ trustedCertificates)
/* harmony export */ });
/* unused harmony exports goRootCertificates, pemCertificates */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// The certificate authorities to trust: Node's own (bundled, NODE_EXTRA_CA_CERTS), the system
// store where Node offers it, and the roots the go command reads on Linux and other Unix systems
// (crypto/x509 root_unix.go, root_linux.go): SSL_CERT_FILE and SSL_CERT_DIR or their defaults.

/** Go's default root files on Linux: the first one that reads is used. */
const LINUX_CERT_FILES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/pki/tls/cacert.pem',
    '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
    '/etc/ssl/cert.pem'
];
/** Go's default root directories on Linux: every file in each is read. */
const LINUX_CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];
/**
 * The PEM roots Go reads from files on this platform. SSL_CERT_FILE replaces the list of default
 * files and SSL_CERT_DIR (':'-separated) the default directories. macOS and Windows: none, as Go
 * asks the operating system there; other Unix systems: only what the two variables name (their
 * default lists are not Linux's).
 */
async function goRootCertificates(env, platform, files) {
    if (platform === 'darwin' || platform === 'win32')
        return [];
    const linux = platform === 'linux';
    const certFiles = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : linux ? LINUX_CERT_FILES : [];
    const certDirs = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':') : linux ? LINUX_CERT_DIRS : [];
    const roots = [];
    for (const file of certFiles) {
        const text = await readOrUndefined(files, file);
        if (text === undefined)
            continue;
        roots.push(...pemCertificates(text));
        break;
    }
    for (const dir of certDirs) {
        for (const name of await dirEntries(files, dir)) {
            roots.push(...pemCertificates((await readOrUndefined(files, `${dir}/${name}`)) ?? ''));
        }
    }
    return roots;
}
/**
 * The CA list for TLS connections: Node's defaults plus the system store and Go's roots, or
 * undefined when those add nothing (Node's defaults then apply unchanged). Giving a CA list
 * replaces Node's, so the list repeats Node's bundled roots and NODE_EXTRA_CA_CERTS.
 */
async function trustedCertificates(env, platform, files) {
    const added = [...systemCertificates(), ...(await goRootCertificates(env, platform, files))];
    if (added.length === 0)
        return undefined;
    const extraFile = env.NODE_EXTRA_CA_CERTS;
    const extra = extraFile ? pemCertificates((await readOrUndefined(files, extraFile)) ?? '') : [];
    const nodeDefaults = [...tlsModule().rootCertificates, ...nodeCertificates('default'), ...extra];
    const known = new Set(nodeDefaults.map(bodyOf));
    const fresh = added.filter(pem => {
        const body = bodyOf(pem);
        if (known.has(body))
            return false;
        known.add(body);
        return isCertificate(pem);
    });
    return [...new Set(nodeDefaults), ...fresh];
}
/** The CERTIFICATE blocks of PEM text (Go's AppendCertsFromPEM skips every other kind). */
function pemCertificates(text) {
    return text.match(/-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}
function nodeCertificates(store) {
    const list = tlsModule()
        .getCACertificates;
    try {
        return list?.(store) ?? [];
    }
    catch {
        return [];
    }
}
function systemCertificates() {
    return nodeCertificates('system');
}
// The base64 body, so the same certificate written with other line breaks is one entry.
function bodyOf(pem) {
    return pem.replace(/-----[^-]+-----|\s/g, '');
}
// Go's AppendCertsFromPEM skips a block that does not parse as a certificate.
function isCertificate(pem) {
    try {
        new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(pem);
        return true;
    }
    catch {
        return false;
    }
}
// Loaded when first asked: only https needs it, and it costs a run over plain http ~10 ms.
function tlsModule() {
    return process.getBuiltinModule('node:tls');
}
async function readOrUndefined(files, path) {
    try {
        return await files.readFile(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** os.ReadDir's names without symlinks to a name in the same directory (c_rehash's hash links). */
async function dirEntries(files, dir) {
    let entries;
    try {
        entries = await files.readdir(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
    const names = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (entry.isSymbolicLink()) {
            const target = await files.readlink(`${dir}/${entry.name}`).catch(() => '/');
            if (!target.includes('/'))
                continue;
        }
        names.push(entry.name);
    }
    return names;
}


/***/ }),

/***/ 5853:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   il: () => (/* binding */ LocalError),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   zz: () => (/* binding */ cannotWrite)
/* harmony export */ });
/**
 * A failure on the runner itself, never the server's: writing a build's zip to its folder under
 * RUNNER_TEMP (a full or unwritable disk). It ends the run with its message instead of counting
 * against a proxy (no retry, no breaker, no verdict).
 */
class LocalError extends Error {
    name = 'LocalError';
}
/** Why writing to `path` on the runner failed, as a LocalError. */
function cannotWrite(path, err) {
    const reason = err.code ?? (err instanceof Error ? err.message : String(err));
    return new LocalError(`cannot write the build's zip to ${path}: ${reason}`);
}
/** A request that got no usable HTTP answer. `message` never contains credentials. */
class HttpError extends Error {
    kind;
    name = 'HttpError';
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 950:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/* eslint-disable @typescript-eslint/no-require-imports -- webpack loads require() on demand */
// Stands in for @actions/http-client in the bundles. @actions/core imports it for getIDToken,
// which this action never calls; loading it at start loads http, https, tls and tunnel, which an
// input error never needs. The real package is loaded when first used (by the engine's proxy
// agents or the Actions cache). Required by its path: the name would resolve to this file again.
const lazyNamespace = __nccwpck_require__(7275)

module.exports = lazyNamespace(() =>
  __nccwpck_require__(5801)
)


/***/ }),

/***/ 7275:
/***/ ((module) => {

// A package's exports, loaded on first use. The bundle's stand-ins (script/lazy/*.js, put in
// place of the package by script/tsconfig.bundle.json) export this: webpack reads an import of a
// CommonJS module as a property of its exports at each use, so the real package is only evaluated
// — with the Node modules it requires — when a run first calls into it. It stays in the bundle.
// The stand-ins are CommonJS .js files (package.json here): ncc's path mapping finds .js and .mjs
// but not .cjs, and only a CommonJS module's exports are looked up at each use. A default import
// reads `__esModule` at once, loading the package then: they serve packages imported by name.

/** A view of `load()`'s exports that calls `load` (once) on the first look at any of them. */
module.exports = function lazyNamespace(load) {
  let real
  const target = () => (real ??= load())
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(target(), key),
      has: (_, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_, key) => {
        const found = Reflect.getOwnPropertyDescriptor(target(), key)
        // A proxy may not report a property its empty target lacks as non-configurable.
        return found && { ...found, configurable: true }
      }
    }
  )
}


/***/ }),

/***/ 5801:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Headers: () => (/* binding */ Headers),
  HttpClient: () => (/* binding */ HttpClient),
  HttpClientError: () => (/* binding */ HttpClientError),
  HttpClientResponse: () => (/* binding */ HttpClientResponse),
  HttpCodes: () => (/* binding */ HttpCodes),
  MediaTypes: () => (/* binding */ MediaTypes),
  getProxyUrl: () => (/* binding */ lib_getProxyUrl),
  isHttps: () => (/* binding */ isHttps)
});

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./script/undici-unused.mjs
// Stands in for undici in the bundles (script/build.mjs). @actions/http-client imports undici for
// one method, getAgentDispatcher() (a dispatcher for fetch through a proxy), that neither this
// action nor @actions/cache calls; undici is half of the bundle and a third of its start-up time.
class ProxyAgent {
  constructor() {
    throw new Error(
      'validate-goproxy bundles @actions/http-client without undici: getAgentDispatcher() is unavailable'
    )
  }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".cli.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
