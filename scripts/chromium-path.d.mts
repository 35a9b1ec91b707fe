export declare const journeyChromiumPath: () => string | null;
export declare const chromiumPath: () => string | null;
export declare const CHROMIUM_ARGS: string[];
