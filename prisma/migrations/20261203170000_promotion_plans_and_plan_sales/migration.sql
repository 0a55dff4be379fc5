-- A promotion may be limited to several plans: the single plan of each existing promotion
-- becomes its one row here before the column goes.
CREATE TABLE "promotion_plans" (
    "promotionId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,

    CONSTRAINT "promotion_plans_pkey" PRIMARY KEY ("promotionId","planId")
);

CREATE INDEX "promotion_plans_planId_idx" ON "promotion_plans"("planId");

ALTER TABLE "promotion_plans" ADD CONSTRAINT "promotion_plans_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "promotions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "promotion_plans" ADD CONSTRAINT "promotion_plans_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "promotion_plans" ("promotionId", "planId")
SELECT "id", "planId" FROM "promotions" WHERE "planId" IS NOT NULL;

ALTER TABLE "promotions" DROP CONSTRAINT "promotions_planId_fkey";

ALTER TABLE "promotions" DROP COLUMN "planId";

-- A plan's own sale price and its window, set from the console.
ALTER TABLE "plans" ADD COLUMN "salePriceAmount" INTEGER,
ADD COLUMN "saleStartsAt" TIMESTAMP(3),
ADD COLUMN "saleEndsAt" TIMESTAMP(3);

ALTER TABLE "plans" ADD CONSTRAINT "plans_sale_below_list_price" CHECK ("salePriceAmount" IS NULL OR ("salePriceAmount" > 0 AND "salePriceAmount" < "priceAmount" AND "saleStartsAt" < "saleEndsAt"));
