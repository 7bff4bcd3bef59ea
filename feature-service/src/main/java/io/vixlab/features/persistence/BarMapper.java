package io.vixlab.features.persistence;

import io.vixlab.contracts.market.MarketBar;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.factory.Mappers;

/** A copied bar's row from and to {@link MarketBar} (generated); the row's {@code barDate} is the bar's date. */
@Mapper
interface BarMapper {

    BarMapper MAPPER = Mappers.getMapper(BarMapper.class);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "barDate", source = "date")
    BarEntity toEntity(MarketBar bar);

    /** A newer version of the row's bar: symbol and day are the row's key and stay. */
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "symbol", ignore = true)
    @Mapping(target = "barDate", ignore = true)
    void apply(MarketBar bar, @MappingTarget BarEntity row);

    @Mapping(target = "schemaVersion", expression = "java(MarketBar.SCHEMA_VERSION)")
    @Mapping(target = "date", source = "barDate")
    MarketBar toBar(BarEntity row);
}
