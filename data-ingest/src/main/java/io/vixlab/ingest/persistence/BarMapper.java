package io.vixlab.ingest.persistence;

import io.vixlab.contracts.market.MarketBar;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.factory.Mappers;

/** A bar's columns from and to {@link MarketBar}, and from one version of the bar to another (generated). */
@Mapper
interface BarMapper {

    BarMapper MAPPER = Mappers.getMapper(BarMapper.class);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "runId", source = "writtenBy")
    void write(MarketBar bar, String writtenBy, @MappingTarget BarValues values);

    @Mapping(target = "id", ignore = true)
    void copy(BarValues from, @MappingTarget BarValues to);

    @Mapping(target = "schemaVersion", expression = "java(MarketBar.SCHEMA_VERSION)")
    MarketBar toBar(BarValues values);
}
