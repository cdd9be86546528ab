import base from "@sunuwai/eslint-config/base";

export default base;
