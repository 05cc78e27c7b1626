import nx from "@nx/eslint-plugin";

export default [
    ...nx.configs["flat/base"],
    ...nx.configs["flat/typescript"],
    ...nx.configs["flat/javascript"],
    {
        ignores: [
            "**/dist",
            "**/out-tsc"
        ]
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.js",
            "**/*.jsx"
        ],
        rules: {
            "@nx/enforce-module-boundaries": [
                "error",
                {
                    enforceBuildableLibDependency: true,
                    allow: [
                        "^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$"
                    ],
                    depConstraints: [
                        { sourceTag: "scope:api", onlyDependOnLibsWithTags: ["scope:shared", "scope:ai"] },
                        { sourceTag: "scope:console", onlyDependOnLibsWithTags: ["scope:shared"] },
                        { sourceTag: "scope:widget", onlyDependOnLibsWithTags: ["scope:shared"] },
                        { sourceTag: "scope:ai", onlyDependOnLibsWithTags: ["scope:shared"] },
                        { sourceTag: "scope:shared", onlyDependOnLibsWithTags: ["scope:shared"] },
                        { sourceTag: "type:domain", onlyDependOnLibsWithTags: ["type:domain"] },
                        { sourceTag: "scope:e2e", onlyDependOnLibsWithTags: ["scope:shared", "scope:ai"] }
                    ]
                }
            ]
        }
    },
    {
        files: [
            "**/*.ts",
            "**/*.tsx",
            "**/*.cts",
            "**/*.mts",
            "**/*.js",
            "**/*.jsx",
            "**/*.cjs",
            "**/*.mjs"
        ],
        // Override or add rules here
        rules: {}
    }
];
